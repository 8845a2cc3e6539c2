import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import { boundedLabel } from '@passerelle/subgraph-kit/metrics';
import type { GraphQLFormattedError } from 'graphql';
import { gatewayErrors, gatewayRequestDuration, gatewayRequests } from './gatewayMetrics';

export interface MetricsPluginOptions {
  /** `graph` (/graphql) or `analystes` (/analystes/graphql). */
  endpoint: string;
  /** Operation names counted under their own label: the persisted operations'; any other is `other`. */
  knownOperations: ReadonlySet<string>;
}

/** At most this many partner and code values each (the supergraph has 13 subgraphs and the registry ~40 codes). */
const maxLabelValues = 64;
const codeLabel = boundedLabel(maxLabelValues);
const partnerLabel = boundedLabel(maxLabelValues);

/**
 * Counts each GraphQL request and its errors, times it, and names its operation on the request's
 * span (server.ts). Only a persisted operation's name becomes a label or a span attribute: a
 * client's own names are unbounded and free text.
 */
export function metricsPlugin(options: MetricsPluginOptions): ApolloServerPlugin<BaseContext> {
  const operationLabel = boundedLabel(options.knownOperations.size, () => options.knownOperations);
  return {
    requestDidStart() {
      const stopTimer = gatewayRequestDuration.startTimer({ endpoint: options.endpoint });
      const span = trace.getActiveSpan();
      let operation = 'other';
      return Promise.resolve({
        didResolveOperation({ operationName }) {
          operation = operationLabel(operationName);
          span?.setAttribute('graphql.operation.name', operation);
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          const labels = { operation, endpoint: options.endpoint };
          stopTimer(labels);
          gatewayRequests.inc(labels);
          const errors: readonly GraphQLFormattedError[] = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          for (const error of errors) {
            const code = error.extensions?.code;
            const partenaire = error.extensions?.partenaire;
            gatewayErrors.inc({
              code: codeLabel(typeof code === 'string' ? code : null),
              partenaire: partenaire === undefined ? 'none' : partnerLabel(typeof partenaire === 'string' ? partenaire : null),
            });
          }
          if (errors.length > 0) span?.setAttribute('passerelle.errors', errors.length);
          return Promise.resolve();
        },
      });
    },
  };
}
