import { expect } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createAuditJournal } from '../../src/audit/createAuditJournal';
import { purgeJournal } from '../../src/audit/purgeJournal';
import { verifyJournal } from '../../src/audit/verifyJournal';
import { lineOf, makeRecord, readLines, resign, sealKey, useTempDir, writeJournal, writeLines } from './auditTestKit';

const tempDir = useTempDir();
const journalPath = () => path.join(tempDir(), 'journal.jsonl');
const purgeTime = new Date('2025-06-01T00:00:00.000Z');
const now = () => purgeTime;

// 250 records, record i at 2025-01-01 + i hours, sealed every 50.
let lines: string[] = [];
beforeEach(async () => {
  await writeJournal(journalPath(), 250, { sealEvery: 50 });
  lines = await readLines(journalPath());
});

describe('purgeJournal', () => {
  it('removes the records before the cut-off, anchors the rest, and the rest verifies', async () => {
    const cutoff = new Date(makeRecord(120).time);
    await expect(purgeJournal(journalPath(), sealKey, { olderThan: cutoff, now })).resolves.toEqual({ purged: 119, kept: 131 });
    const after = await readLines(journalPath());
    const anchor = JSON.parse(after[0]!) as Record<string, unknown>;
    const lastPurged = JSON.parse(lines[lineOf(lines, 'acces', 119) - 1]!) as { hash: string };
    expect(anchor).toEqual({ type: 'ancre', seq: 119, hash: lastPurged.hash, time: purgeTime.toISOString(), purges: 119, numero: 2, hmac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(after.slice(1)).toEqual(lines.slice(lineOf(lines, 'acces', 120) - 1));
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toEqual({ ok: true, records: 131, seals: 3, sealedWith: { current: 4, previous: 0 }, problems: [] });
  });

  it('keeps the file as it is when nothing is older than the cut-off', async () => {
    const before = await readFile(journalPath());
    await expect(purgeJournal(journalPath(), sealKey, { olderThan: new Date(makeRecord(1).time), now })).resolves.toEqual({ purged: 0, kept: 250 });
    expect(await readFile(journalPath())).toEqual(before);
  });

  it('purges again after a purge, and a journal reopened after it continues the chain', async () => {
    await purgeJournal(journalPath(), sealKey, { olderThan: new Date(makeRecord(60).time), now });
    await expect(purgeJournal(journalPath(), sealKey, { olderThan: new Date(makeRecord(200).time), now })).resolves.toEqual({ purged: 140, kept: 51 });
    expect(JSON.parse((await readLines(journalPath()))[0]!)).toMatchObject({ type: 'ancre', seq: 199, purges: 140, numero: 3 });
    const journal = await createAuditJournal({ path: journalPath(), sealKey, sealEvery: 50 });
    await journal.append(makeRecord(251));
    await journal.close();
    const last = (await readLines(journalPath())).map((line) => JSON.parse(line) as { type: string; seq: number; numero?: number }).slice(-2);
    expect(last).toMatchObject([
      { type: 'acces', seq: 251 },
      { type: 'sceau', seq: 251, numero: 6 },
    ]);
    // Seal no 4 (seq 200) follows the first record kept, so it is kept.
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toEqual({ ok: true, records: 52, seals: 3, sealedWith: { current: 4, previous: 0 }, problems: [] });
  });

  it('can purge every record: the anchor alone remains, and the chain continues from it', async () => {
    await expect(purgeJournal(journalPath(), sealKey, { olderThan: purgeTime, now })).resolves.toEqual({ purged: 250, kept: 0 });
    expect(await readLines(journalPath())).toHaveLength(1);
    await writeJournal(journalPath(), 3);
    const after = (await readLines(journalPath())).map((line) => JSON.parse(line) as { type: string; seq: number });
    expect(after.map(({ type, seq }) => `${type}:${seq}`)).toEqual(['ancre:250', 'acces:251', 'acces:252', 'acces:253', 'sceau:253']);
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toEqual({ ok: true, records: 3, seals: 1, sealedWith: { current: 2, previous: 0 }, problems: [] });
  });

  describe('tampering after a purge is still detected', () => {
    beforeEach(async () => {
      await purgeJournal(journalPath(), sealKey, { olderThan: new Date(makeRecord(120).time), now });
      lines = await readLines(journalPath());
    });

    it('an edited record', async () => {
      const at = lineOf(lines, 'acces', 130);
      const changed = [...lines];
      changed[at - 1] = lines[at - 1]!.replace('"organisation":"CD12"', '"organisation":"CCAS"');
      await writeLines(journalPath(), changed);
      expect((await verifyJournal(journalPath(), sealKey)).problems).toEqual([{ line: at, kind: 'altere', detail: 'record seq 130: its content does not match its hash' }]);
    });

    it('a forged anchor (more records purged than the retention allows, without the key)', async () => {
      const changed = [...lines];
      const record139 = JSON.parse(lines[lineOf(lines, 'acces', 139) - 1]!) as { hash: string };
      changed[0] = resign(lines[0]!, 'an-intruders-key-who-never-saw-the-real-one', { seq: 139, hash: record139.hash, purges: 139 });
      await writeLines(journalPath(), [changed[0], ...lines.slice(lineOf(lines, 'acces', 140) - 1)]);
      const result = await verifyJournal(journalPath(), sealKey);
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([{ line: 1, kind: 'sceau-invalide', detail: 'anchor: its HMAC does not verify (forged, altered or made with another key)' }]);
    });

    it('a removed anchor', async () => {
      await writeLines(journalPath(), lines.slice(1));
      expect((await verifyJournal(journalPath(), sealKey)).problems).toEqual([
        { line: 1, kind: 'supprime', detail: 'records seq 1 to 119 are missing at the start of the journal' },
        { line: lineOf(lines, 'sceau', 3) - 1, kind: 'supprime', detail: 'seals no 1 to 2 are missing before this seal (no 3)' },
      ]);
    });

    it('records removed right after the anchor', async () => {
      await writeLines(journalPath(), [lines[0]!, ...lines.slice(3)]);
      expect((await verifyJournal(journalPath(), sealKey)).problems).toEqual([{ line: 2, kind: 'supprime', detail: 'records seq 120 to 121 are missing at the start of the journal' }]);
    });

    it('an anchor moved into the middle', async () => {
      const at = lineOf(lines, 'acces', 130);
      await writeLines(journalPath(), [...lines.slice(1, at), lines[0]!, ...lines.slice(at)]);
      const result = await verifyJournal(journalPath(), sealKey);
      expect(result.problems.map(({ line, kind }) => ({ line, kind }))).toEqual([
        { line: 1, kind: 'supprime' },
        { line: at, kind: 'sceau-invalide' },
        { line: lineOf(lines, 'sceau', 3), kind: 'supprime' },
      ]);
    });
  });

  it('refuses to purge a journal that does not verify, and leaves it untouched', async () => {
    const at = lineOf(lines, 'acces', 10);
    const changed = [...lines];
    changed[at - 1] = lines[at - 1]!.replace('"organisation":"CD12"', '"organisation":"CCAS"');
    await writeLines(journalPath(), changed);
    const before = await readFile(journalPath());
    await expect(purgeJournal(journalPath(), sealKey, { olderThan: purgeTime, now })).rejects.toThrow(
      `The audit journal ${journalPath()} does not verify; refusing to purge it:\n  - line ${at}: altere: record seq 10: its content does not match its hash`,
    );
    expect(await readFile(journalPath())).toEqual(before);
  });

  it('refuses to purge a journal that is open', async () => {
    const journal = await createAuditJournal({ path: journalPath(), sealKey });
    try {
      await expect(purgeJournal(journalPath(), sealKey, { olderThan: purgeTime, now })).rejects.toThrow(`The audit journal ${journalPath()} is in use by process ${process.pid}`);
    } finally {
      await journal.close();
    }
  });
});
