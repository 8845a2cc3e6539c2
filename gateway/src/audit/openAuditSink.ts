import { assertAuditSinkConfig, type Logger } from '@passerelle/subgraph-kit';
import type { GatewayConfig } from '../config';
import { createAuditJournal, type AuditJournal } from './createAuditJournal';
import { createPostgresAuditJournal } from './postgres/createPostgresAuditJournal';
import { defaultWriterId } from './postgres/defaultWriterId';
import { sealKeysOf } from './sealKeysOf';

type AuditSinkConfig = Pick<
  GatewayConfig,
  'auditSink' | 'auditDatabaseUrl' | 'auditJournalPath' | 'auditWriterId' | 'auditSealKey' | 'auditSealKeysPrevious' | 'auditSealEvery' | 'auditSealIntervalMs'
>;

/**
 * Opens the audit sink AUDIT_SINK names, behind the one interface the pipeline writes to
 * (`AuditJournal`): the file journal (the embedded default, one gateway process) or this
 * process's chain in the PostgreSQL journal (any number of processes and machines).
 */
export function openAuditSink(config: AuditSinkConfig, logger: Logger): Promise<AuditJournal> {
  assertAuditSinkConfig(config);
  const sealing = { sealKey: sealKeysOf(config), sealEvery: config.auditSealEvery, sealIntervalMs: config.auditSealIntervalMs, logger };
  if (config.auditSink === 'postgres') {
    return createPostgresAuditJournal({ ...sealing, connectionString: config.auditDatabaseUrl, writerId: config.auditWriterId === '' ? defaultWriterId() : config.auditWriterId });
  }
  return createAuditJournal({ ...sealing, path: config.auditJournalPath });
}
