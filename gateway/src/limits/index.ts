export { operationLimitRules, type OperationLimits } from './operationLimitRules';
export { operationLimitError, type OperationLimit } from './operationLimitError';
export { tokenLimitRefusal } from './tokenLimitRefusal';
export { memoTokenLimit } from './memoTokenLimit';
