import { z } from 'zod';
import { legacyError } from './legacyHttp';

const moisLegacy = z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/);

/**
 * The query of a legacy statistics endpoint, as these systems take it: `mois=YYYYMM` (figures as
 * of the month's last day) and `ventilation=A,B` (the dimensions to group by, among `allowed`).
 * A 400 legacy error otherwise.
 */
export function readStatisticsQuery<D extends string>(request: Request, allowed: readonly D[]): { ok: true; dernierJour: string; ventilation: D[] } | { ok: false; response: Response } {
  const params = new URL(request.url).searchParams;
  const mois = moisLegacy.safeParse(params.get('mois'));
  if (!mois.success) return { ok: false, response: legacyError(400, 'REQUETE_INVALIDE', 'Paramètre invalide : mois (AAAAMM)') };
  const ventilation = (params.get('ventilation') ?? '').split(',').filter((d) => d !== '');
  const unknown = ventilation.find((d) => !(allowed as readonly string[]).includes(d));
  if (unknown !== undefined || new Set(ventilation).size !== ventilation.length) {
    return { ok: false, response: legacyError(400, 'REQUETE_INVALIDE', `Paramètre invalide : ventilation (parmi ${allowed.join(', ')})`) };
  }
  const annee = Number(mois.data.slice(0, 4));
  const m = Number(mois.data.slice(4, 6));
  const dernierJour = `${mois.data.slice(0, 4)}-${mois.data.slice(4, 6)}-${String(new Date(Date.UTC(annee, m, 0)).getUTCDate()).padStart(2, '0')}`;
  return { ok: true, dernierJour, ventilation: ventilation as D[] };
}

/**
 * GROUP BY, as the systems' statistics endpoints compute it: one line per combination of the
 * dimensions asked that has at least one unit (empty groups are absent), with its count and the
 * sum of its amounts.
 */
export function groupBy<T, D extends string>(
  items: readonly T[],
  ventilation: readonly D[],
  valueOf: (item: T, dimension: D) => string,
  amountOf: (item: T) => number,
): Array<{ dimensions: Record<D, string>; count: number; amount: number }> {
  const groups = new Map<string, { dimensions: Record<D, string>; count: number; amount: number }>();
  for (const item of items) {
    const dimensions = Object.fromEntries(ventilation.map((d) => [d, valueOf(item, d)])) as Record<D, string>;
    const key = JSON.stringify(ventilation.map((d) => dimensions[d]));
    const group = groups.get(key) ?? { dimensions, count: 0, amount: 0 };
    group.count += 1;
    group.amount += amountOf(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}
