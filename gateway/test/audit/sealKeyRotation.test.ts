import { expect } from '@jest/globals';
import path from 'node:path';
import { ConfigError } from '@passerelle/subgraph-kit';
import { assertProductionAuditConfig } from '../../src/audit/assertProductionAuditConfig';
import { checkpointHmac } from '../../src/audit/checkpointHmac';
import { createAuditJournal } from '../../src/audit/createAuditJournal';
import { openAuditSink } from '../../src/audit/openAuditSink';
import { purgeJournal } from '../../src/audit/purgeJournal';
import { sealKeysOf } from '../../src/audit/sealKeysOf';
import { verifyJournal } from '../../src/audit/verifyJournal';
import { runAuditVerify } from '../../src/cli/runAuditVerify';
import { devAuditSealKey, loadGatewayConfig } from '../../src/config';
import { configProblemsOf } from '../support/configProblemsOf';
import { lineOf, makeRecord, readLines, resign, sealKey, useTempDir, writeJournal, writeLines } from './auditTestKit';

const tempDir = useTempDir();
const journalPath = () => path.join(tempDir(), 'journal.jsonl');
/** The key before the rotation (the tests' usual key) and the one after. */
const oldKey = sealKey;
const newKey = 'test-audit-seal-key-after-rotation-0123456789';
const rotated = { current: newKey, previous: [oldKey] };

async function runVerify(env: NodeJS.ProcessEnv) {
  let stdout = '';
  let stderr = '';
  const status = await runAuditVerify([], { AUDIT_JOURNAL_PATH: journalPath(), ...env }, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { status, stdout, stderr };
}

/** 25 records sealed with the old key (seals no 1–3 at seq 10, 20, 25), then 15 appended after the rotation (seals no 4–5 at seq 35, 40). */
async function rotateAfter25(): Promise<void> {
  await writeJournal(journalPath(), 25, { sealEvery: 10 });
  const journal = await createAuditJournal({ path: journalPath(), sealKey: rotated, sealEvery: 10 });
  for (let i = 26; i <= 40; i += 1) await journal.append(makeRecord(i));
  await journal.close();
}

const sealLine = (lines: string[], numero: number) => JSON.parse(lines[lineOf(lines, 'sceau', numero) - 1]!) as Record<string, unknown> & { hmac: string };
const madeWith = (key: string, seal: Record<string, unknown> & { hmac: string }) => {
  const { hmac, ...fields } = seal;
  return checkpointHmac(key, fields as never) === hmac;
};

describe('rotating AUDIT_SEAL_KEY (file journal)', () => {
  it('reopens a journal sealed with the old key under the new one, which seals from then on; verify counts the seals of each key', async () => {
    await rotateAfter25();
    const lines = await readLines(journalPath());
    expect([1, 2, 3, 4, 5].map((numero) => madeWith(oldKey, sealLine(lines, numero)))).toEqual([true, true, true, false, false]);
    expect([1, 2, 3, 4, 5].map((numero) => madeWith(newKey, sealLine(lines, numero)))).toEqual([false, false, false, true, true]);
    await expect(verifyJournal(journalPath(), rotated, { strict: true })).resolves.toEqual({ ok: true, records: 40, seals: 5, sealedWith: { current: 2, previous: 3 }, problems: [] });

    await expect(runVerify({ AUDIT_SEAL_KEY: newKey, AUDIT_SEAL_KEYS_PREVIOUS: oldKey })).resolves.toEqual({
      status: 0,
      stdout: `Audit journal: ${journalPath()}\nRecords: 40, seals: 5, sealed with AUDIT_SEAL_KEY: 2, with AUDIT_SEAL_KEYS_PREVIOUS: 3, problems: 0\nVerified.\n`,
      stderr: '',
    });
  });

  it('without the old key: verify fails, naming each seal the old key made, and the journal refuses to reopen', async () => {
    await rotateAfter25();
    const lines = await readLines(journalPath());
    const invalid = (numero: number) => `  line ${lineOf(lines, 'sceau', numero)}: sceau-invalide: seal no ${numero}: its HMAC does not verify (forged, altered or made with another key)`;
    await expect(runVerify({ AUDIT_SEAL_KEY: newKey })).resolves.toEqual({
      status: 1,
      stdout: [`Audit journal: ${journalPath()}`, 'Records: 40, seals: 5, problems: 3', invalid(1), invalid(2), invalid(3), 'NOT VERIFIED.', ''].join('\n'),
      stderr: '',
    });

    await writeJournal(path.join(tempDir(), 'other.jsonl'), 5, { sealEvery: 10 });
    const refused = createAuditJournal({ path: path.join(tempDir(), 'other.jsonl'), sealKey: newKey });
    await expect(refused).rejects.toThrow(
      [
        `The audit journal ${path.join(tempDir(), 'other.jsonl')} does not verify at its end; refusing to append to it:`,
        '  - line 6: sceau-invalide: seal no 1: its HMAC does not verify (forged, altered or made with another key)',
        'If AUDIT_SEAL_KEY was changed, give the key it replaced in AUDIT_SEAL_KEYS_PREVIOUS (docs/operations.md, "Keys and their rotation").',
      ].join('\n'),
    );
  });

  it('refuses a seal made with a previous key after one made with the current key: a replaced key forges nothing new', async () => {
    await rotateAfter25();
    const lines = await readLines(journalPath());
    const at = lineOf(lines, 'sceau', 5);
    lines[at - 1] = resign(lines[at - 1]!, oldKey);
    await writeLines(journalPath(), lines);
    await expect(verifyJournal(journalPath(), rotated)).resolves.toEqual({
      ok: false,
      records: 40,
      seals: 5,
      sealedWith: { current: 1, previous: 3 },
      problems: [
        { line: at - 5, kind: 'non-scelle', detail: `5 record(s) after the last seal (lines ${at - 5} to ${at - 1}): not yet provably authentic` },
        { line: at, kind: 'sceau-invalide', detail: 'seal no 5: made with a previous seal key after seal no 4 was made with the current one (a replaced key seals nothing new)' },
      ],
    });
    await expect(createAuditJournal({ path: journalPath(), sealKey: rotated })).rejects.toThrow('seal no 5: made with a previous seal key after seal no 4 was made with the current one');
  });

  it('purges with both keys and anchors with the new one; once the old seals are purged, the old key is no longer needed', async () => {
    await rotateAfter25();
    await expect(purgeJournal(journalPath(), rotated, { olderThan: new Date(makeRecord(26).time) })).resolves.toEqual({ purged: 25, kept: 15 });
    const anchor = JSON.parse((await readLines(journalPath()))[0]!) as Record<string, unknown> & { hmac: string };
    expect(anchor).toMatchObject({ type: 'ancre', seq: 25, numero: 3 });
    expect(madeWith(newKey, anchor)).toBe(true);
    await expect(runVerify({ AUDIT_SEAL_KEY: newKey, AUDIT_SEAL_KEYS_PREVIOUS: oldKey })).resolves.toEqual({
      status: 0,
      stdout: [
        `Audit journal: ${journalPath()}`,
        'Records: 15, seals: 2, sealed with AUDIT_SEAL_KEY: 3, with AUDIT_SEAL_KEYS_PREVIOUS: 0, problems: 0',
        'Verified.',
        'No seal or anchor left was made with AUDIT_SEAL_KEYS_PREVIOUS: this journal no longer needs them.',
        '',
      ].join('\n'),
      stderr: '',
    });
    await expect(verifyJournal(journalPath(), newKey)).resolves.toMatchObject({ ok: true, records: 15, sealedWith: { current: 3, previous: 0 } });
  });
});

describe('AUDIT_SEAL_KEYS_PREVIOUS', () => {
  const second = 'p'.repeat(32);

  it('is read as a list, empty by default, spaces and blank entries ignored', () => {
    expect(loadGatewayConfig({}).auditSealKeysPrevious).toEqual([]);
    expect(loadGatewayConfig({ AUDIT_SEAL_KEY: newKey, AUDIT_SEAL_KEYS_PREVIOUS: ` ${oldKey} ,, ${second},` }).auditSealKeysPrevious).toEqual([oldKey, second]);
  });

  it('refuses a key too short or given twice, naming the entry, never the key', () => {
    expect(configProblemsOf({ AUDIT_SEAL_KEYS_PREVIOUS: `${oldKey},trop-court` })).toEqual(['AUDIT_SEAL_KEYS_PREVIOUS: key 2: expected at least 32 characters']);
    expect(configProblemsOf({ AUDIT_SEAL_KEYS_PREVIOUS: `${oldKey},${second},${oldKey}` })).toEqual(['AUDIT_SEAL_KEYS_PREVIOUS: keys 1 and 3 are the same key']);
  });

  it('refuses AUDIT_SEAL_KEY itself among the previous keys, at the gateway’s start and in the audit tools', async () => {
    const config = loadGatewayConfig({ AUDIT_JOURNAL_PATH: journalPath(), AUDIT_SEAL_KEY: newKey, AUDIT_SEAL_KEYS_PREVIOUS: `${oldKey},${newKey}` });
    const problem = 'AUDIT_SEAL_KEYS_PREVIOUS: one of its keys is AUDIT_SEAL_KEY itself; list only the keys AUDIT_SEAL_KEY replaced';
    expect(() => sealKeysOf(config)).toThrow(new ConfigError([problem]));
    expect(() => openAuditSink(config, { debug() {}, info() {}, warn() {}, error() {} })).toThrow(new ConfigError([problem]));
    const cli = await runVerify({ AUDIT_SEAL_KEY: newKey, AUDIT_SEAL_KEYS_PREVIOUS: `${oldKey},${newKey}` });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain(`Invalid configuration:\n  - ${problem}\n`);
    expect(cli.stderr + cli.stdout).not.toContain(newKey);
    expect(sealKeysOf(loadGatewayConfig({ AUDIT_SEAL_KEY: newKey, AUDIT_SEAL_KEYS_PREVIOUS: oldKey }))).toEqual(rotated);
  });

  it('refuses the development seal key among the previous keys in production mode only', () => {
    expect(() => assertProductionAuditConfig({ mode: 'production', auditSealKey: newKey, auditSealKeysPrevious: [oldKey, devAuditSealKey] })).toThrow(
      new ConfigError(["AUDIT_SEAL_KEYS_PREVIOUS: AUDIT_SEAL_KEY's development default is refused in production; a journal it sealed is no evidence: start a new one"]),
    );
    expect(() => assertProductionAuditConfig({ mode: 'dev', auditSealKey: newKey, auditSealKeysPrevious: [devAuditSealKey] })).not.toThrow();
    expect(() => assertProductionAuditConfig({ mode: 'production', auditSealKey: newKey, auditSealKeysPrevious: [oldKey] })).not.toThrow();
  });
});
