import path from 'node:path';
import { runAuditPurge } from '../../src/cli/runAuditPurge';
import { runAuditVerify } from '../../src/cli/runAuditVerify';
import { devAuditSealKey } from '../../src/config';
import { verifyJournal } from '../../src/audit/verifyJournal';
import { forgedRecordLine, lineOf, readLines, sealKey, makeRecord, useTempDir, writeJournal, writeLines } from './auditTestKit';

const tempDir = useTempDir();
const journalPath = () => path.join(tempDir(), 'journal.jsonl');
const env = () => ({ AUDIT_JOURNAL_PATH: journalPath(), AUDIT_SEAL_KEY: sealKey });

async function run(command: typeof runAuditVerify, args: string[], environment: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await command(args, environment, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

describe('npm run audit:verify', () => {
  beforeEach(() => writeJournal(journalPath(), 30, { sealEvery: 10 }));

  it('exits 0 on the journal of AUDIT_JOURNAL_PATH when it verifies', async () => {
    await expect(run(runAuditVerify, [], env())).resolves.toEqual({
      status: 0,
      stdout: `Audit journal: ${journalPath()}\nRecords: 30, seals: 3, problems: 0\nVerified.\n`,
      stderr: '',
    });
  });

  it('exits 1 and lists each problem with its line and kind', async () => {
    const lines = await readLines(journalPath());
    const at = lineOf(lines, 'acces', 5);
    const changed = lines.filter((_, index) => index !== lineOf(lines, 'acces', 15) - 1);
    changed[at - 1] = changed[at - 1]!.replace('"issue":"ok"', '"issue":"refuse"');
    const other = path.join(tempDir(), 'copie.jsonl');
    await writeLines(other, changed);
    await expect(run(runAuditVerify, ['--file', other], env())).resolves.toEqual({
      status: 1,
      stdout: [
        `Audit journal: ${other}`,
        'Records: 29, seals: 3, problems: 2',
        `  line ${at}: altere: record seq 5: its content does not match its hash`,
        `  line ${lineOf(lines, 'acces', 15)}: supprime: record seq 15 is missing after line ${lineOf(lines, 'acces', 14)}`,
        'NOT VERIFIED.',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('passes unsealed records with a warning, and fails them with --strict', async () => {
    const lines = await readLines(journalPath());
    const last = JSON.parse(lines.at(-2)!) as { seq: number; hash: string };
    await writeLines(journalPath(), [...lines, forgedRecordLine(last, makeRecord(31))]);
    const relaxed = await run(runAuditVerify, [], env());
    expect(relaxed.status).toBe(0);
    expect(relaxed.stdout).toContain('  line 34: non-scelle: 1 record(s) after the last seal (line 34)');
    expect(relaxed.stdout).toContain('Verified (records after the last seal are not yet provably authentic).');
    const strict = await run(runAuditVerify, ['--strict'], env());
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('NOT VERIFIED (strict).');
  });

  it('exits 1 when the journal does not exist', async () => {
    const absent = path.join(tempDir(), 'absent.jsonl');
    await expect(run(runAuditVerify, ['--file', absent], env())).resolves.toEqual({ status: 1, stdout: '', stderr: `No audit journal at ${absent}\n` });
  });

  it.each([[['--bogus']], [['--file']], [['extra']], [['--file', '']]])('exits 2 on bad usage: %j', async (args) => {
    const result = await run(runAuditVerify, args, env());
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: npm run audit:verify -- [--file <journal.jsonl>] [--strict]');
  });

  it('exits 2 on a bad configuration, naming the variable', async () => {
    const short = await run(runAuditVerify, [], { ...env(), AUDIT_SEAL_KEY: 'short' });
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('AUDIT_SEAL_KEY: expected at least 32 characters');
    const production = await run(runAuditVerify, [], { ...env(), AUDIT_SEAL_KEY: devAuditSealKey, PASSERELLE_MODE: 'production' });
    expect(production.status).toBe(2);
    expect(production.stderr).toContain('AUDIT_SEAL_KEY: the development default is refused in production');
  });

  it('prints its usage with --help', async () => {
    const result = await run(runAuditVerify, ['--help'], env());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Exit status: 0 verified, 1 not verified, 2 bad usage or configuration.');
  });
});

describe('npm run audit:purge', () => {
  // makeRecord(i) is 2025-01-01 + i hours: records 1 to 48 span two days.
  beforeEach(() => writeJournal(journalPath(), 48, { sealEvery: 10 }));
  const runPurge = (args: string[], environment: NodeJS.ProcessEnv, now: Date) => {
    const out: string[] = [];
    const err: string[] = [];
    return runAuditPurge(args, environment, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) }, () => now).then((status) => ({
      status,
      stdout: out.join(''),
      stderr: err.join(''),
    }));
  };

  it('removes the records older than AUDIT_RETENTION_DAYS and leaves a journal that verifies', async () => {
    const result = await runPurge([], { ...env(), AUDIT_RETENTION_DAYS: '1' }, new Date('2025-01-03T00:00:00.000Z'));
    expect(result).toEqual({
      status: 0,
      stdout: `Audit journal: ${journalPath()}\nRetention 1 days: removed 23 record(s) older than 2025-01-02T00:00:00.000Z, kept 25.\n`,
      stderr: '',
    });
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toMatchObject({ ok: true, records: 25 });
  });

  it('exits 1 when the journal does not verify, 2 on bad usage', async () => {
    const lines = await readLines(journalPath());
    await writeLines(journalPath(), lines.slice(1));
    const refused = await runPurge([], env(), new Date('2026-06-01T00:00:00.000Z'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`The audit journal ${journalPath()} does not verify; refusing to purge it:\n  - line 1: supprime`);
    const bad = await runPurge(['--strict'], env(), new Date());
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Usage: npm run audit:purge');
  });
});
