import type { ApolloGateway } from '@apollo/gateway';
import type { GatewayInterface, GatewayExecutor } from '@apollo/server-gateway-interface';
import { createUsagerIdCodec, type GatewayRequestContext, type Logger, type Partenaire } from '@passerelle/subgraph-kit';
import { createHash } from 'node:crypto';
import { GraphQLError, Kind, print, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { AuditJournal, AuditRecord } from '../audit/index';
import { hashOperation } from '../audit/index';
import { applyDenials } from '../authorization/applyDenials';
import { placeholderAlias } from '../authorization/authorizeOperation';
import { authorizeOperation } from '../authorization/authorizeOperation';
import type { Requirements } from '../authorization/AuthRequirement';
import type { AccessFacts, DepartementFetch } from '../rows/accessFacts';
import { fetchAccessFacts } from '../rows/accessFacts';
import { createRowGuard } from '../rows/createRowGuard';
import { injectUsagerIds, usagerIdAlias } from '../rows/injectUsagerIds';
import { readsOf } from './readsOf';

/** Subgraphs whose Usager fields an objection to that partner withholds, by subgraph name. */
const partnerOfSubgraph: Readonly<Record<string, Partenaire>> = { caf: 'caf', msa: 'msa', cpam: 'cpam', carsat: 'carsat', 'france-travail': 'france-travail' };

/** Set on the request context for the data sources: which NIRs of an `_entities` fetch to withhold from a subgraph. */
export interface EntityGuardContext {
  entityGuard?: (subgraph: string, nirs: string[]) => Promise<Set<string>>;
}

/** What the secure executor reads as the supergraph changes. */
export interface SecurityState {
  requirements: Requirements;
  /** Schema coordinate → subgraphs answering it (audit). */
  owners: ReadonlyMap<string, readonly string[]>;
}

export interface SecureGatewayOptions {
  state: SecurityState;
  usagerIdSecret: string;
  /** Sends a query to the Département's subgraph on behalf of this request (signed context). */
  departement: (context: GatewayRequestContext) => DepartementFetch;
  journal: AuditJournal | null;
  logger: Logger;
}

/**
 * ApolloGateway behind Passerelle's security, as the `gateway` Apollo Server runs:
 * 1. field authorization from the supergraph's directives (unauthorized fields removed, reported);
 * 2. row authorization before execution (root fields naming a usager the caller may not see);
 * 3. the plan runs on the rewritten operation (its plan cache keyed on the rewritten text);
 * 4. row authorization and objections on the answer; 5. one audit record.
 */
export function secureGateway(inner: ApolloGateway, options: SecureGatewayOptions): GatewayInterface {
  const codec = createUsagerIdCodec(options.usagerIdSecret);
  let apiSchema: GraphQLSchema | null = null;
  inner.onSchemaLoadOrUpdate(({ apiSchema: schema }) => {
    apiSchema = schema;
  });

  const wrap = (executor: GatewayExecutor): GatewayExecutor => async (requestContext) => {
    const context = requestContext.context as Partial<GatewayRequestContext>;
    const gatewayContext: GatewayRequestContext = { requestId: context.requestId ?? 'unknown', caller: context.caller ?? null, finalite: context.finalite ?? null };
    const schema = apiSchema ?? requestContext.schema;
    const operationName = requestContext.request.operationName ?? requestContext.operationName ?? null;
    const fields = authorizeOperation({ document: requestContext.document, operationName, schema, requirements: options.state.requirements, caller: gatewayContext.caller, finalite: gatewayContext.finalite });

    let document: DocumentNode = fields.document;
    let variables: Record<string, unknown> = { ...(requestContext.request.variables ?? {}) };
    const rowErrors: GraphQLError[] = [];
    let refusedRoots: string[] = [];
    const cache = new Map<string, AccessFacts>();
    const { caller, finalite } = gatewayContext;
    const guard = caller && finalite ? createRowGuard({ schema, codec, fetchFacts: (nirs) => fetchAccessFacts(nirs, options.departement(gatewayContext)) }) : null;
    if (guard && caller && finalite) {
      // Read by PartnerDataSource before each fetch: nothing is asked of a partner about someone withheld from it.
      (requestContext.context as EntityGuardContext).entityGuard = (subgraph, nirs) => guard.withheld(partnerOfSubgraph[subgraph] ?? null, nirs, caller, finalite, cache);
      const before = await guard.before({ document, operationName, variables, caller, finalite, cache });
      document = before.document;
      variables = before.variables;
      rowErrors.push(...before.errors);
      refusedRoots = before.removedKeys;
    }
    document = injectUsagerIds(document, schema);
    const text = print(document);
    const result = await executor({
      ...requestContext,
      document,
      operation: document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName)) ?? requestContext.operation,
      source: text,
      queryHash: createHash('sha256').update(text).digest('hex'),
      request: { ...requestContext.request, query: text, variables },
    } as typeof requestContext);

    const data = (result.data ?? null) as Record<string, unknown> | null;
    let afterErrors: GraphQLError[] = [];
    if (guard && caller && finalite) afterErrors = await guard.after({ document, operationName, data, caller, finalite, cache });
    else stripInjectedIds(data);
    const withDenials = applyDenials({ data, errors: result.errors }, fields.denials);
    // Root fields refused by row authorization are answered null, like any refused field.
    if (withDenials.data) {
      const answered = withDenials.data as Record<string, unknown>;
      delete answered[placeholderAlias];
      for (const key of refusedRoots) answered[key] = null;
    }
    // applyDenials gives formatted errors; Apollo Server formats GraphQLError instances only.
    const asGraphQLError = (e: GraphQLError | { message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }) =>
      e instanceof GraphQLError ? e : new GraphQLError(e.message, { path: e.path, extensions: e.extensions });
    const errors = [...(withDenials.errors ?? []).map(asGraphQLError), ...rowErrors, ...afterErrors];

    if (options.journal && caller && finalite) {
      const reads = readsOf(schema, document, operationName, options.state.owners);
      const usagers = new Set<string>();
      collectUsagerIds(requestContext.request.variables, codec, usagers);
      if (reads.personal || usagers.size > 0) {
        const record: AuditRecord = {
          time: new Date().toISOString(),
          traceId: gatewayContext.requestId,
          agent: caller.subject,
          organisation: caller.organisation,
          roles: caller.roles,
          finalite,
          operationName,
          operationHash: hashOperation(requestContext.source ?? print(requestContext.document)),
          usagers: [...usagers],
          lectures: reads.byPartner,
          refus: [...new Set(fields.denials.map((d) => d.coordinate))],
          issue: fields.denials.length > 0 || rowErrors.length > 0 || afterErrors.length > 0 ? (reads.personal ? 'partiel' : 'refuse') : 'ok',
        };
        try {
          await options.journal.append(record);
        } catch (error) {
          // No trace, no data: an operation that cannot be journaled is not answered.
          options.logger.error('audit journal append failed', { requestId: gatewayContext.requestId, reason: (error as Error).message });
          return { errors: [new GraphQLError('The operation could not be recorded in the audit journal.', { extensions: { code: 'ERREUR_INTERNE' } })] };
        }
      }
    }
    // No data at all (e.g. variables that do not coerce) stays no data: Apollo answers 400 then.
    const finalData = result.data === undefined ? undefined : (withDenials.data as typeof result.data);
    return { ...result, data: finalData, errors: errors.length > 0 ? (errors as typeof result.errors) : undefined };
  };

  return {
    async load(loadOptions) {
      const loaded = await inner.load(loadOptions);
      return { ...loaded, executor: wrap(loaded.executor) };
    },
    onSchemaLoadOrUpdate: (callback) => inner.onSchemaLoadOrUpdate(callback),
    stop: () => inner.stop(),
  };
}

function stripInjectedIds(value: unknown): void {
  if (Array.isArray(value)) value.forEach(stripInjectedIds);
  else if (value && typeof value === 'object') {
    delete (value as Record<string, unknown>)[usagerIdAlias];
    Object.values(value).forEach(stripInjectedIds);
  }
}

/** Opaque usager ids named in the variables (ids that decode), for the audit record: never a NIR. */
function collectUsagerIds(value: unknown, codec: ReturnType<typeof createUsagerIdCodec>, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.startsWith('u_') && codec.decode(value) !== null) into.add(value);
  } else if (Array.isArray(value)) value.forEach((v) => collectUsagerIds(v, codec, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectUsagerIds(v, codec, into));
}
