import type { createRowGuard } from '../../rows/createRowGuard';
import type { RequestSecurity } from '../RequestSecurity';

/**
 * The entity guard, installed on the request for the data sources (gateway/src/PartnerDataSource.ts):
 * before each `_entities` fetch, the usagers this caller may not see, and those who objected to
 * the partner the subgraph speaks for (from the supergraph's @partenaire), are taken out of the
 * fetch, so that partner is not even asked about them.
 */
export function guardEntities(request: RequestSecurity, guard: ReturnType<typeof createRowGuard>): void {
  if (request.caller === null || request.finalite === null) return;
  request.entityGuard = (subgraph, nirs) => guard.withheld(subgraph, nirs, request);
}
