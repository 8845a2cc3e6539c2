import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ValidationRule } from 'graphql';
import type { GatewayConfig } from '../config';
import { operationLimitError, type OperationLimit } from './operationLimitError';

/** The limits checked on a parsed document (tokens are counted before parsing: `tokenLimitPlugin`). */
export type OperationLimits = Pick<GatewayConfig, 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxCost'>;

type RejectionOptions = Pick<NonNullable<Parameters<typeof maxDepthRule>[0]>, 'exposeLimits' | 'propagateOnRejection' | 'onReject'>;

/**
 * GraphQL Armor's validation rules on the gateway's limits. A rejection is reported as
 * OPERATION_TROP_COMPLEXE through the validation context (never thrown: the other rules and
 * graphql-js's own still report). Fragments count as the fields they hold, so that front-ends
 * can use them freely.
 */
export function operationLimitRules(limits: OperationLimits, exposeLimits: boolean): ValidationRule[] {
  const reportAs = (limit: OperationLimit): RejectionOptions => ({
    exposeLimits,
    propagateOnRejection: false,
    onReject: [(context, error) => context?.reportError(operationLimitError(limit, error.message, exposeLimits))],
  });
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ...reportAs('depth') }),
    maxAliasesRule({ n: limits.maxAliases, ...reportAs('aliases') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAs('directives') }),
    costLimitRule({ maxCost: limits.maxCost, flattenFragments: true, ...reportAs('cost') }),
  ];
}
