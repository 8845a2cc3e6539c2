import { passerelleError } from '@passerelle/subgraph-kit';

const prefix = 'portefeuille:';

/** The cursor of the usager at `rank` (0-based) of a caseload: opaque to clients, not a secret. */
export function encodeCursor(rank: number): string {
  return Buffer.from(`${prefix}${rank}`).toString('base64url');
}

/** The rank a cursor stands for; a cursor this subgraph did not issue is ARGUMENT_INVALIDE. */
export function decodeCursor(cursor: string): number {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const rank = decoded.startsWith(prefix) ? Number(decoded.slice(prefix.length)) : Number.NaN;
  if (!Number.isSafeInteger(rank) || rank < 0 || encodeCursor(rank) !== cursor) throw passerelleError('ARGUMENT_INVALIDE', 'apres is not a cursor of this caseload.', { argument: 'apres' });
  return rank;
}
