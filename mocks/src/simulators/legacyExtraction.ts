import { legacyError } from './legacyHttp';
import { readStatisticsQuery } from './legacyStatistics';

/**
 * The query of a legacy extraction endpoint (the list of the people a statistics criterion
 * selects, which a crossing pseudonymises: docs/statistics.md, "Crossings"): `mois=YYYYMM` (as of
 * the month's last day) and `critere=<code>` among `allowed`. A 400 legacy error otherwise.
 */
export function readExtractionQuery<C extends string>(request: Request, allowed: readonly C[]): { ok: true; dernierJour: string; critere: C } | { ok: false; response: Response } {
  const read = readStatisticsQuery(request, []);
  if (!read.ok) return read;
  const critere = new URL(request.url).searchParams.get('critere');
  if (critere === null || !(allowed as readonly string[]).includes(critere)) {
    return { ok: false, response: legacyError(400, 'REQUETE_INVALIDE', `Paramètre invalide : critere (parmi ${allowed.join(', ')})`) };
  }
  return { ok: true, dernierJour: read.dernierJour, critere: critere as C };
}
