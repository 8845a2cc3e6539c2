import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isErrorCode, maskError } from '@passerelle/subgraph-kit/errors';
import type { Logger } from '@passerelle/subgraph-kit';

export interface FormatGatewayErrorOptions {
  /**
   * Production: remove "Did you mean …?" from every message. Apollo Server's
   * `hideSchemaDetailsFromClientErrors` does it for validation errors only; variable values are
   * checked later, and their errors would still name the enum values a client may not know.
   */
  hideSuggestions?: boolean;
}

const suggestion = / ?Did you mean [^?]*\?/g;

/**
 * Apollo Server `formatError` for the gateway: the kit's masking (registered and framework
 * codes pass, anything else becomes ERREUR_INTERNE), minus `serviceName`, which the gateway
 * adds to subgraph errors: clients get the documented `partenaire`, not the topology.
 */
export function formatGatewayError(logger: Logger, { hideSuggestions = false }: FormatGatewayErrorOptions = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const masked = maskError(withValidationRuleCode(hideSuggestions ? { ...formatted, message: formatted.message.replace(suggestion, '') } : formatted, error));
    if (masked.extensions?.code === 'ERREUR_INTERNE' && formatted.extensions?.code !== 'ERREUR_INTERNE') {
      logger.error('unexpected error masked', {
        errorName: error instanceof Error ? error.name : typeof error,
        originalCode: typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'none',
      });
    }
    const { serviceName: _serviceName, ...extensions } = masked.extensions ?? {};
    return { ...masked, extensions };
  };
}

/**
 * Apollo Server files every validation rule's error under GRAPHQL_VALIDATION_FAILED; a rule that
 * reports a registered code (an operation limit: OPERATION_TROP_COMPLEXE) keeps it.
 */
function withValidationRuleCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const code = original instanceof GraphQLError ? original.extensions.code : undefined;
  if (formatted.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED' || !isErrorCode(code)) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code } };
}
