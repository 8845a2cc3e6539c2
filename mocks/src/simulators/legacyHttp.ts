import { HttpResponse } from 'msw';
import type { z } from 'zod';

/** Legacy error body, as these systems return it: an upper-case code and a French label. */
export function legacyError(status: number, code: string, libelle: string): Response {
  return HttpResponse.json({ code_erreur: code, libelle }, { status });
}

/** 401 unless the request carries the expected API key. */
export function checkApiKey(request: Request, header: string, expected: string): Response | null {
  return request.headers.get(header) === expected ? null : legacyError(401, 'AUTH_REFUSEE', "Clé d'API absente ou invalide");
}

/** Parses and validates a JSON body; a 400 legacy error otherwise. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<{ ok: true; body: z.infer<S> } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return { ok: false, response: legacyError(400, 'REQUETE_INVALIDE', 'Corps JSON illisible') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: legacyError(400, 'REQUETE_INVALIDE', `Champ invalide : ${parsed.error.issues[0]?.path.join('.') ?? '?'}`) };
  return { ok: true, body: parsed.data };
}

/** `YYYY-MM-DD` → `YYYYMMDD`. */
export function toLegacyDate(iso: string | null): string | null {
  return iso === null ? null : iso.replaceAll('-', '');
}

/** `YYYYMMDD` → `YYYY-MM-DD`. */
export function fromLegacyDate(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
}
