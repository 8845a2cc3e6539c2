export type { AuthRequirement, Requirements, Denial, DenialCode } from './AuthRequirement';
export { readSecurityDirectives, type SecurityDirectives } from './readSecurityDirectives';
export { readLinkedFeatures, type LinkedFeature } from './readLinkedFeatures';
export { requirementHolds } from './requirementHolds';
export { authorizeOperation, placeholderAlias, type AuthorizeOperationInput, type AuthorizedOperation } from './authorizeOperation';
export { applyDenials, denialError, type DenialError } from './applyDenials';
