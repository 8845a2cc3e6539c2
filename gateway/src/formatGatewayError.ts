import type { GraphQLFormattedError } from 'graphql';
import { maskError } from '@passerelle/subgraph-kit/errors';
import type { Logger } from '@passerelle/subgraph-kit';

/**
 * Apollo Server `formatError` for the gateway: the kit's masking (registered and framework
 * codes pass, anything else becomes ERREUR_INTERNE), minus `serviceName`, which the gateway
 * adds to subgraph errors: clients get the documented `partenaire`, not the topology.
 */
export function formatGatewayError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const masked = maskError(formatted);
    if (masked.extensions?.code === 'ERREUR_INTERNE' && formatted.extensions?.code !== 'ERREUR_INTERNE') {
      logger.error('unexpected error masked', {
        errorName: error instanceof Error ? error.name : typeof error,
        originalCode: String(formatted.extensions?.code ?? 'none'),
      });
    }
    const { serviceName: _serviceName, ...extensions } = masked.extensions ?? {};
    return { ...masked, extensions };
  };
}
