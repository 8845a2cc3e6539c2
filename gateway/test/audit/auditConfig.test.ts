import path from 'node:path';
import { configProblemsOf } from '../support/configProblemsOf';
import { ConfigError } from '@passerelle/subgraph-kit';
import { assertProductionAuditConfig } from '../../src/audit/assertProductionAuditConfig';
import { devAuditSealKey, loadGatewayConfig } from '../../src/config';

const problemsOf = configProblemsOf;

describe('audit configuration', () => {
  it('has documented defaults', () => {
    expect(loadGatewayConfig({})).toMatchObject({
      auditJournalPath: path.resolve(__dirname, '../../../.passerelle/audit/journal.jsonl'),
      auditSealKey: devAuditSealKey,
      auditSealEvery: 100,
      auditSealIntervalMs: 60_000,
      auditRetentionDays: 365,
    });
    expect(devAuditSealKey.length).toBeGreaterThanOrEqual(32);
  });

  it('reads the variables and takes a relative journal path from the working directory', () => {
    expect(
      loadGatewayConfig({ AUDIT_JOURNAL_PATH: 'var/audit.jsonl', AUDIT_SEAL_KEY: 'k'.repeat(32), AUDIT_SEAL_EVERY: '10', AUDIT_SEAL_INTERVAL_MS: '5000', AUDIT_RETENTION_DAYS: '180' }),
    ).toMatchObject({ auditJournalPath: path.resolve('var/audit.jsonl'), auditSealKey: 'k'.repeat(32), auditSealEvery: 10, auditSealIntervalMs: 5000, auditRetentionDays: 180 });
  });

  it('names every malformed variable without echoing the key', () => {
    const problems = problemsOf({ AUDIT_SEAL_KEY: 'trop-court', AUDIT_SEAL_EVERY: '0', AUDIT_SEAL_INTERVAL_MS: '10', AUDIT_RETENTION_DAYS: 'un an' });
    expect(problems).toEqual([
      'AUDIT_SEAL_KEY: expected at least 32 characters',
      'AUDIT_SEAL_EVERY: expected an integer between 1 and 100000',
      'AUDIT_SEAL_INTERVAL_MS: expected an integer between 1000 and 86400000',
      'AUDIT_RETENTION_DAYS: expected an integer between 1 and 3650',
    ]);
  });

  it('refuses the development seal key in production mode only', () => {
    expect(() => assertProductionAuditConfig({ mode: 'production', auditSealKey: devAuditSealKey, auditSealKeysPrevious: [] })).toThrow(
      new ConfigError(['AUDIT_SEAL_KEY: the development default is refused in production; set a secret of at least 32 random characters']),
    );
    expect(() => assertProductionAuditConfig({ mode: 'dev', auditSealKey: devAuditSealKey, auditSealKeysPrevious: [] })).not.toThrow();
    expect(() => assertProductionAuditConfig({ mode: 'production', auditSealKey: 'k'.repeat(32), auditSealKeysPrevious: [] })).not.toThrow();
  });
});
