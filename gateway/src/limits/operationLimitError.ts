import { passerelleError } from '@passerelle/subgraph-kit/errors';
import { GraphQLError } from 'graphql';

/** The dimensions an operation is measured on before it runs. */
export type OperationLimit = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost';

const labels: Record<OperationLimit, string> = { depth: 'depth', aliases: 'alias', directives: 'directive', tokens: 'token', cost: 'cost' };

/**
 * The refusal of an operation over one limit: OPERATION_TROP_COMPLEXE, HTTP 400. The message names
 * the limit; only when `exposeLimits` (dev mode) does it add GraphQL Armor's figures, since the
 * configured limit and the measured value help whoever probes for the largest operation that passes.
 */
export function operationLimitError(limit: OperationLimit, armorMessage: string, exposeLimits: boolean): GraphQLError {
  const base = `The operation exceeds the gateway's ${labels[limit]} limit.`;
  const detail = armorMessage.replace(/^Syntax Error: /, '');
  const registered = passerelleError('OPERATION_TROP_COMPLEXE', exposeLimits ? `${base} ${detail}` : base);
  return new GraphQLError(registered.message, { extensions: { ...registered.extensions, http: { status: 400 } } });
}
