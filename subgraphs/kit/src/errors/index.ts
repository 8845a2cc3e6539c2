export { errorCodes, isErrorCode, type ErrorCode } from './errorCodes';
export { passerelleError, type PasserelleErrorDetails } from './passerelleError';
export { legacyErrorToGraphQL } from './legacyErrorToGraphQL';
export { maskError } from './maskError';
