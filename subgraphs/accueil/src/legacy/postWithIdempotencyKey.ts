import { passerelleError } from '@passerelle/subgraph-kit';
import type { z } from 'zod';

/** Where and how to reach the legacy API, as for the kit's client. */
export interface IdempotentPostConfig {
  partenaire: string;
  baseUrl: string;
  apiKey: string;
  apiKeyHeader: string;
  timeoutMs: number;
}

/** A legacy answer the caller handles itself (a business refusal), with its `code_erreur`. */
export type IdempotentPostResult<T> = { ok: true; data: T; rejoue: boolean } | { ok: false; status: number; codeErreur: string | null };

/**
 * POSTs with an `Idempotency-Key` header, which the kit's client cannot add per call (asked for
 * in the kit; this goes once it can). Failures map as the kit maps them (timeout, credentials,
 * outage, invalid payload); the 4xx statuses in `handled` come back to the caller instead.
 */
export async function postWithIdempotencyKey<S extends z.ZodType>(
  config: IdempotentPostConfig,
  path: string,
  body: unknown,
  cle: string | null,
  schema: S,
  handled: readonly number[],
): Promise<IdempotentPostResult<z.infer<S>>> {
  const { partenaire } = config;
  let response: Response;
  try {
    response = await fetch(`${config.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', [config.apiKeyHeader]: config.apiKey, ...(cle === null ? {} : { 'Idempotency-Key': cle }) },
      body: JSON.stringify(body),
      redirect: 'error',
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') throw passerelleError('PARTENAIRE_DELAI_DEPASSE', `The ${partenaire} system did not answer in time.`, { partenaire });
    throw passerelleError('PARTENAIRE_INDISPONIBLE', `The ${partenaire} system is unavailable.`, { partenaire });
  }
  const { status } = response;
  if (status === 401 || status === 403) throw passerelleError('PARTENAIRE_ACCES_REFUSE', `The ${partenaire} system refused Passerelle's credentials.`, { partenaire });
  if (status === 429 || status >= 500) throw passerelleError('PARTENAIRE_INDISPONIBLE', `The ${partenaire} system is unavailable.`, { partenaire });
  const payload: unknown = await response.json().catch(() => undefined);
  if (handled.includes(status)) {
    const code = typeof payload === 'object' && payload !== null && 'code_erreur' in payload && typeof payload.code_erreur === 'string' ? payload.code_erreur : null;
    return { ok: false, status, codeErreur: code };
  }
  if (status < 200 || status >= 300) throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', `The ${partenaire} system rejected the request (HTTP ${status}).`, { partenaire });
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    // Paths name fields, never values.
    const where = parsed.error.issues.slice(0, 3).map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', `The ${partenaire} system answered with an unexpected payload (at ${where}).`, { partenaire });
  }
  return { ok: true, data: parsed.data, rejoue: response.headers.get('Idempotency-Replayed') === 'true' };
}
