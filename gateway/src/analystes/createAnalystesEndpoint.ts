import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { analystesContract } from '@passerelle/schema';
import type { Logger } from '@passerelle/subgraph-kit';
import type { GraphQLFormattedError } from 'graphql';
import { readFileSync } from 'node:fs';
import type { AuditJournal } from '../audit/index';
import type { GatewayConfig } from '../config';
import type { ContextSigner } from '../contextKeys/createContextSigner';
import { createGateway, toApolloLogger } from '../createGateway';
import { documentGuardPlugin } from '../documentGuardPlugin';
import { formatGatewayError } from '../formatGatewayError';
import { operationLimitRules } from '../limits';
import { finalitePlugin } from '../security/finalitePlugin';
import type { PersistedOperations } from '../trustedDocuments/persistedOperationsManifest';
import { analystesOnlyPlugin } from './analystesOnlyPlugin';
import { knownOperationTypesRule } from '../limits/knownOperationTypesRule';
import { analystesGraphqlPath } from './analystesPaths';
import { metricsPlugin } from '../metrics/metricsPlugin';

/** Added to a validation error on the analysts' endpoint: what it serves, and where the rest is. */
const contractHint = ` The analysts' endpoint serves the analysts' contract only (schema/api-analystes.graphql): the aggregates under statistiques and the reception network.`;

/** The contract supergraph the analysts' planner works on; throws when the supergraph has no aggregate. */
const contractOf = (supergraphSdl: string) => analystesContract(supergraphSdl).supergraphSdl;

export interface AnalystesEndpointOptions {
  config: GatewayConfig;
  logger: Logger;
  journal: AuditJournal;
  /** The main gateway's signer: subgraphs check one published key set. */
  contextSigner: ContextSigner;
  persistedOperations: PersistedOperations;
}

/**
 * The analysts' endpoint (`/analystes/graphql`): an Apollo Server of its own over a second
 * ApolloGateway that plans on the analysts' contract supergraph, so that its schema —
 * introspection and validation — is the contract and nothing else. The security pipeline is the
 * same (field authorization, audit: createGateway's securePipeline), only analysts declaring
 * `statistique` pass analystesOnlyPlugin, ad-hoc documents are allowed in every mode, and the
 * operation limits are ANALYSTES_GRAPHQL_*. Null when the supergraph has no aggregate (no contract
 * can be built: a test supergraph, a graph without analysts); the endpoint is then not served.
 */
export function createAnalystesEndpoint(options: AnalystesEndpointOptions): ApolloServer<BaseContext> | null {
  const { config, logger, journal, contextSigner, persistedOperations } = options;
  try {
    contractOf(readFileSync(config.supergraphPath, 'utf8'));
  } catch (error) {
    logger.warn('no analysts’ contract in this supergraph: /analystes/graphql is not served', { reason: error instanceof Error ? error.message : String(error) });
    return null;
  }
  const dev = config.mode === 'dev';
  const { gateway } = createGateway(config, logger, journal, { contextSigner, contract: contractOf });
  const format = formatGatewayError(logger, { hideSuggestions: !dev });
  return new ApolloServer<BaseContext>({
    gateway,
    logger: toApolloLogger(logger),
    // The contract is published (schema/api-analystes.graphql); only analysts reach this far.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !dev,
    validationRules: [
      knownOperationTypesRule,
      ...operationLimitRules({ maxDepth: config.analystesMaxDepth, maxAliases: config.analystesMaxAliases, maxDirectives: config.maxDirectives, maxCost: config.analystesMaxCost }, dev),
    ],
    persistedQueries: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const masked = format(formatted, error);
      return masked.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' ? { ...masked, message: masked.message + contractHint } : masked;
    },
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // First: its refusal is the one answered, before the purpose's or the document's.
      analystesOnlyPlugin(),
      finalitePlugin(),
      // Analysts write ad-hoc queries: every document runs here, within the limits.
      documentGuardPlugin({ trustedDocuments: { mode: 'off', adHocRoles: ['analyste'], operations: persistedOperations, logger }, maxTokens: config.analystesMaxTokens, exposeLimits: dev }),
      // Analysts' ad-hoc names are free text: all counted as `other` (metrics/metricsPlugin.ts).
      metricsPlugin({ endpoint: 'analystes', knownOperations: new Set() }),
    ],
  });
}

export { analystesGraphqlPath };
