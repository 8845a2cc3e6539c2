export { auditIssues, type AuditCroisement, type AuditIssue, type AuditRecord } from './AuditRecord';
export { hashOperation } from './hashOperation';
export { normalizeAuditRecord } from './normalizeAuditRecord';
export { createAuditJournal, minAuditSealKeyLength, type AuditJournal, type AuditJournalOptions } from './createAuditJournal';
export { verifyJournal, type JournalVerification } from './verifyJournal';
export type { JournalProblem, JournalProblemKind } from './JournalProblem';
export { purgeJournal, type PurgeResult } from './purgeJournal';
export { assertProductionAuditConfig } from './assertProductionAuditConfig';
export { sealKeysOf } from './sealKeysOf';
export type { SealKeys, SealKeyCounts, SealKeyKind } from './SealKeys';
export { openAuditSink } from './openAuditSink';
export * from './postgres/index';
// Reading the journal lives in the kit, shared with the journal subgraph (`monJournalDesAcces`).
export { accessesForUsager, canonicalJson, genesisHash, type UsagerAccess, type AccesLine, type SceauLine, type AncreLine, type JournalLine } from '@passerelle/subgraph-kit/audit';
