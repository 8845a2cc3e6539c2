import type { Logger } from '@passerelle/subgraph-kit';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { hashOperation, type AuditJournal, type AuditRecord } from '../../audit/index';
import type { PartnerRegistry } from '../../partners/PartnerRegistry';
import { readsOf } from '../../security/readsOf';
import type { RequestSecurity } from '../RequestSecurity';
import { auditPendingRecords, auditWriteErrors } from '../../metrics/gatewayMetrics';

/** What a document reads, by schema, owners and document (a function of those alone: nothing of a caller). */
const readsCache = new WeakMap<GraphQLSchema, WeakMap<ReadonlyMap<string, readonly string[]>, WeakMap<DocumentNode, ReturnType<typeof readsOf>>>>();

function readsOfCached(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, owners: ReadonlyMap<string, readonly string[]>): ReturnType<typeof readsOf> {
  let bySchema = readsCache.get(schema);
  if (!bySchema) readsCache.set(schema, (bySchema = new WeakMap()));
  let byOwners = bySchema.get(owners);
  if (!byOwners) bySchema.set(owners, (byOwners = new WeakMap()));
  let reads = byOwners.get(document);
  // readsOf reads every operation of the document: the operation name does not change it.
  if (!reads) byOwners.set(document, (reads = readsOf(schema, document, operationName, owners)));
  return reads;
}

/**
 * One record in the sealed audit journal for an operation that touched personal data or reached
 * a usager: who (account, organisation, roles), for what purpose, which usagers (opaque ids:
 * named in the document or variables, listed, returned), what was read from which partner, what
 * was refused. No trace, no data: when the record cannot be written the answer is withheld
 * (returns the error to answer with).
 */
export async function recordAudit(input: {
  request: RequestSecurity;
  journal: AuditJournal | null;
  logger: Logger;
  schema: GraphQLSchema;
  document: DocumentNode;
  source: string;
  operationName: string | null;
  owners: ReadonlyMap<string, readonly string[]>;
  registry: PartnerRegistry;
  refused: readonly string[];
  anyError: boolean;
}): Promise<GraphQLError | null> {
  const { request, journal } = input;
  if (journal === null || request.caller === null || request.finalite === null) return null;
  const reads = readsOfCached(input.schema, input.document, input.operationName, input.owners);
  if (!reads.personal && request.reached.size === 0 && request.croisements.length === 0) return null;
  // Reads are recorded by partner code (the supergraph's @partenaire), the subgraph's name otherwise.
  const lectures: Record<string, string[]> = {};
  for (const [subgraph, coordinates] of Object.entries(reads.byPartner)) {
    const key = input.registry.partnerOfSubgraph(subgraph)?.code ?? subgraph;
    lectures[key] = [...new Set([...(lectures[key] ?? []), ...coordinates])].sort();
  }
  const record: AuditRecord = {
    time: new Date().toISOString(),
    traceId: request.requestId,
    agent: request.caller.subject,
    organisation: request.caller.organisation,
    roles: request.caller.roles,
    finalite: request.finalite,
    operationName: input.operationName,
    operationHash: hashOperation(input.source),
    usagers: [...request.reached].sort(),
    lectures,
    refus: [...new Set(input.refused)],
    issue: input.anyError ? (reads.personal ? 'partiel' : 'refuse') : 'ok',
    ...(request.croisements.length > 0 ? { croisements: request.croisements.map((c) => ({ ...c, partenaires: [...c.partenaires] })) } : {}),
  };
  // Pending from append to written: the journal's lag, whatever the sink (metrics/gatewayMetrics.ts).
  auditPendingRecords.inc();
  try {
    await journal.append(record);
    return null;
  } catch (error) {
    auditWriteErrors.inc();
    input.logger.error('audit journal append failed', { requestId: request.requestId, reason: (error as Error).message });
    return new GraphQLError('The operation could not be recorded in the audit journal.', { extensions: { code: 'ERREUR_INTERNE' } });
  } finally {
    auditPendingRecords.dec();
  }
}
