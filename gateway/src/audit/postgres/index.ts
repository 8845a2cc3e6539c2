export { createPostgresAuditJournal, type PostgresAuditJournalOptions } from './createPostgresAuditJournal';
export { verifyPostgresJournal, verifyWriterChain, type PostgresJournalVerification, type WriterVerification } from './verifyPostgresJournal';
export { purgePostgresJournal, type WriterPurgeResult } from './purgePostgresJournal';
export { migrateAuditDatabase, auditSqlDirectory } from './migrateAuditDatabase';
export { defaultWriterId } from './defaultWriterId';
export type { WriterProblem } from './createWriterChainVerifier';
export { writerGenesisHash } from './writerCheckpoint';
