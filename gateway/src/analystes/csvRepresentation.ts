import type { AlternateRepresentation } from '@passerelle/subgraph-kit/http';
import { tablesToCsv } from './tablesToCsv';

/**
 * `Accept: text/csv` on the analysts' endpoint: the tables of the answer as CSV (tablesToCsv).
 * Anything else than a complete answer — an error, a refusal, a partner that failed (a partial
 * table would mislead) — is the JSON answer unchanged, with its status, so that clients still
 * branch on `extensions.code`. A result without any table is refused with 406.
 */
export const csvRepresentation: AlternateRepresentation = {
  contentType: 'text/csv',
  render(answer, res) {
    let parsed: { data?: unknown; errors?: unknown[] } | null = null;
    try {
      parsed = JSON.parse(answer.body) as { data?: unknown; errors?: unknown[] };
    } catch {
      parsed = null;
    }
    const csv = parsed !== null && answer.status === 200 && (parsed.errors ?? []).length === 0 ? tablesToCsv(parsed.data as Parameters<typeof tablesToCsv>[0]) : null;
    if (csv !== null) {
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8; header=present', 'content-disposition': 'attachment; filename="statistiques.csv"', 'cache-control': 'no-store' });
      res.end(csv);
      return;
    }
    if (parsed !== null && answer.status === 200 && (parsed.errors ?? []).length === 0) {
      res.writeHead(406, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({
          errors: [{ message: 'CSV holds aggregate tables (TableauStatistique) only, and this answer has none: select the tables’ `cellules`.', extensions: { code: 'BAD_REQUEST' } }],
        }),
      );
      return;
    }
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = answer.status;
    res.end(answer.body);
  },
};
