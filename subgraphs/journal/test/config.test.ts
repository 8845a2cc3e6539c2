import path from 'node:path';
import { defaultAuditJournalPath } from '@passerelle/subgraph-kit';
import { journalEnv, loadJournalConfig } from '../src/index';

describe('journal subgraph configuration', () => {
  it('listens on 4011 and reads the gateway’s default audit journal', () => {
    const config = loadJournalConfig({});
    expect(config.port).toBe(4011);
    expect(config.auditJournalPath).toBe(defaultAuditJournalPath);
    expect(path.relative(path.resolve(__dirname, '../../..'), config.auditJournalPath)).toBe(path.join('.passerelle', 'audit', 'journal.jsonl'));
    expect(journalEnv.port.env).toBe('JOURNAL_PORT');
  });

  it('resolves a relative AUDIT_JOURNAL_PATH from the working directory', () => {
    expect(loadJournalConfig({ AUDIT_JOURNAL_PATH: 'x/journal.jsonl' }).auditJournalPath).toBe(path.resolve('x/journal.jsonl'));
  });
});
