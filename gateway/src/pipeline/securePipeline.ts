import type { ApolloGateway } from '@apollo/gateway';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import type { Logger } from '@passerelle/subgraph-kit';
import { OperationTypeNode, print, type GraphQLSchema } from 'graphql';
import type { AuditJournal } from '../audit/index';
import type { Requirements } from '../authorization/AuthRequirement';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { fetchAccessFacts, type DepartementFetch } from '../rows/accessFacts';
import { createRowGuard } from '../rows/createRowGuard';
import { securityOf, type RequestSecurity } from './RequestSecurity';
import { authorizeFields } from './steps/authorizeFields';
import { authorizeRows } from './steps/authorizeRows';
import { checkCallerPartner } from './steps/checkCallerPartner';
import { checkPartnerCodes } from './steps/checkPartnerCodes';
import { executePlan } from './steps/executePlan';
import { filterAnswer } from './steps/filterAnswer';
import { guardEntities } from './steps/guardEntities';
import { recordAudit } from './steps/recordAudit';
import { withSpan, withSpanSync } from '@passerelle/subgraph-kit/telemetry';

/** What the pipeline reads from the supergraph in use; replaced as a whole when a new one is accepted. */
export interface SupergraphRules {
  /** Field authorization: requirements by coordinate. */
  requirements: Requirements;
  /** Schema coordinate → subgraphs answering it (audit). */
  owners: ReadonlyMap<string, readonly string[]>;
  /** Who the partners are, which subgraph speaks for each, which Usager fields carry their data. */
  registry: PartnerRegistry;
  /** The subgraph answering the access facts (the shared file's), or null. */
  factsSubgraph: string | null;
  /** The Usager fields a support-team member reads (rows/teamReadableFields.ts). */
  teamReadable: ReadonlySet<string>;
}

export interface SecurePipelineOptions {
  rules: () => SupergraphRules;
  /** Sends a query to the subgraph that speaks for the Département (access facts), signed for this request. */
  /** The access-facts fetch for this request; `readOnly`: the operation is a query (its facts' reads may serve its later fetches). */
  departement: (request: RequestSecurity, readOnly: boolean) => DepartementFetch;
  journal: AuditJournal | null;
  logger: Logger;
}

/**
 * ApolloGateway behind Passerelle's security. Before this runs, in Apollo Server's own phases:
 * the body limit (HTTP), authentication (server.ts builds the request's RequestSecurity),
 * trusted documents and operation limits (documentGuardPlugin, validation rules) and the purpose
 * (finalitePlugin). Then, top to bottom, the steps below, one file each in ./steps — the
 * README's "path of one request" lists them in this order.
 */
export function securePipeline(inner: ApolloGateway, options: SecurePipelineOptions): GatewayInterface {
  let apiSchema: GraphQLSchema | null = null;
  inner.onSchemaLoadOrUpdate(({ apiSchema: schema }) => {
    apiSchema = schema;
  });

  const wrap =
    (executor: GatewayExecutor): GatewayExecutor =>
    async (requestContext) => {
      const request = securityOf(requestContext.context);
      const rules = options.rules();
      const schema = apiSchema ?? requestContext.schema;
      const operationName = requestContext.request.operationName ?? requestContext.operationName ?? null;
      const source = requestContext.source ?? print(requestContext.document);

      // 1. Partners are the supergraph's: the caller's, if any, and any partner code an argument names.
      const unknownPartner = checkCallerPartner(request, rules.registry);
      if (unknownPartner) return { errors: [unknownPartner] };
      const unknownCodes = checkPartnerCodes({ document: requestContext.document, schema, variables: requestContext.request.variables ?? {}, registry: rules.registry });
      if (unknownCodes.length > 0) return { errors: unknownCodes };

      // 2. Field authorization: fields the caller may not read are removed before planning.
      // Each authorization step has its span (docs/observability.md): counts only, never who or whom.
      const fields = withSpanSync('authorization fields', {}, (span) => {
        const decided = authorizeFields({ request, document: requestContext.document, operationName, schema, requirements: rules.requirements });
        span.setAttribute('passerelle.denials', decided.denials.length);
        return decided;
      });

      // 3. Row authorization: root fields naming a usager the caller may not see are refused.
      const guard = createRowGuard({
        schema,
        registry: rules.registry,
        factsSubgraph: rules.factsSubgraph,
        teamReadable: rules.teamReadable,
        owners: rules.owners,
        fetchFacts: (nirs, scope) => fetchAccessFacts(nirs, options.departement(request, requestContext.operation?.operation === OperationTypeNode.QUERY), scope),
      });
      const rows = await withSpan('authorization rows', {}, async (span) => {
        const decided = await authorizeRows({ request, guard, document: fields.document, operationName, variables: { ...(requestContext.request.variables ?? {}) } });
        span.setAttribute('passerelle.refused', decided.errors.length);
        return decided;
      });

      // 4. The entity guard, for the data sources: no partner is asked about a usager withheld from it.
      guardEntities(request, guard);

      // 5. The plan runs, fetches in parallel where it allows; a failing partner costs its own fields.
      const { result, document } = await executePlan({ executor, requestContext, document: rows.document, operationName, variables: rows.variables, schema });

      // 6. The answer, filtered: usagers not to be seen, objected partners' data, refused fields.
      const answer = await filterAnswer({
        request,
        guard,
        document,
        operationName,
        data: result.data ?? null,
        errors: result.errors,
        denials: fields.denials,
        refusedRoots: rows.removedKeys,
        deferred: rows.deferred,
      });
      const errors = [...answer.errors, ...rows.errors, ...answer.rowErrors];

      // 7. The audit record: no trace, no data.
      const anyError = fields.denials.length > 0 || rows.errors.length > 0 || answer.rowErrors.length > 0;
      const auditFailure = await withSpan('audit record', {}, () =>
        recordAudit({
          request,
          journal: options.journal,
          logger: options.logger,
          schema,
          document,
          source,
          operationName,
          owners: rules.owners,
          registry: rules.registry,
          refused: fields.denials.map((d) => d.coordinate),
          anyError,
        }),
      );
      if (auditFailure) return { errors: [auditFailure] };

      // No data at all (e.g. variables that do not coerce) stays no data: Apollo answers 400 then.
      const data = result.data === undefined ? undefined : (answer.data as typeof result.data);
      return { ...result, data, errors: errors.length > 0 ? errors : undefined };
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
