export { admitDocument, trustedDocumentsModeOf, type TrustedDocumentsOptions } from './admitDocument';
export {
  loadPersistedOperations,
  persistedOperationsOf,
  serializeManifest,
  sha256Hex,
  type PersistedOperation,
  type PersistedOperations,
  type PersistedOperationsManifest,
} from './persistedOperationsManifest';
export { buildPersistedOperationsManifest, type BuiltManifest } from './buildPersistedOperationsManifest';
export { manifestStaleness } from './manifestStaleness';
