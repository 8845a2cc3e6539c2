import { expect } from '@jest/globals';
import { truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chainHash } from '../../src/audit/chainHash';
import { verifyJournal } from '../../src/audit/verifyJournal';
import { forgedRecordLine, lineOf, makeRecord, readLines, resign, sealKey, useTempDir, writeJournal, writeLines } from './auditTestKit';

const tempDir = useTempDir();
const journalPath = () => path.join(tempDir(), 'journal.jsonl');
const otherKey = 'an-intruders-key-who-never-saw-the-real-one';

type RecordLine = { type: 'acces'; seq: number; prevHash: string; hash: string; record: Record<string, unknown> };

// 250 records sealed every 50: seals no 1 to 5 after seq 50, 100, …, 250; 255 lines.
let lines: string[] = [];
beforeEach(async () => {
  await writeJournal(journalPath(), 250, { sealEvery: 50 });
  lines = await readLines(journalPath());
});

async function verifyWith(changed: string[]) {
  await writeLines(journalPath(), changed);
  return verifyJournal(journalPath(), sealKey);
}

describe('verifyJournal', () => {
  it('verifies an untouched journal', async () => {
    expect(lines).toHaveLength(255);
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toEqual({ ok: true, records: 250, seals: 5, sealedWith: { current: 5, previous: 0 }, problems: [] });
  });

  it('detects an edited field of a record, on its line, without cascading', async () => {
    const at = lineOf(lines, 'acces', 120);
    const changed = [...lines];
    changed[at - 1] = changed[at - 1]!.replace('"finalite":"accompagnement"', '"finalite":"controle"');
    expect(changed[at - 1]).not.toBe(lines[at - 1]);
    await expect(verifyWith(changed)).resolves.toEqual({
      ok: false,
      records: 250,
      seals: 5,
      sealedWith: { current: 5, previous: 0 },
      problems: [{ line: at, kind: 'altere', detail: 'record seq 120: its content does not match its hash' }],
    });
  });

  it('detects a record edited and re-hashed by someone who knows the algorithm', async () => {
    const at = lineOf(lines, 'acces', 120);
    const entry = JSON.parse(lines[at - 1]!) as RecordLine;
    const record = { ...entry.record, organisation: 'AUTRE' };
    const changed = [...lines];
    changed[at - 1] = JSON.stringify({ ...entry, record, hash: chainHash(entry.prevHash, entry.seq, record) });
    const result = await verifyWith(changed);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ line: at, kind: 'altere', detail: `record seq 120 was rewritten: the next record (line ${at + 1}) links to another hash` }]);
  });

  it('detects a record edited and every later record re-chained: the next seal no longer seals the chain', async () => {
    const at = lineOf(lines, 'acces', 120);
    const changed = [...lines];
    let prev = JSON.parse(lines[at - 2]!) as RecordLine;
    for (let index = at - 1; index < changed.length; index += 1) {
      const entry = JSON.parse(changed[index]!) as RecordLine | { type: 'sceau' };
      if (entry.type !== 'acces') continue;
      const record = entry.seq === 120 ? { ...entry.record, organisation: 'AUTRE' } : entry.record;
      changed[index] = forgedRecordLine(prev, record as never);
      prev = JSON.parse(changed[index]!) as RecordLine;
    }
    const result = await verifyWith(changed);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toEqual({
      line: lineOf(lines, 'sceau', 3),
      kind: 'sceau-invalide',
      detail: 'seal no 3 does not match record seq 150 before it: that record or an earlier one was rewritten',
    });
  });

  it('detects a deleted record where it was', async () => {
    const at = lineOf(lines, 'acces', 120);
    const result = await verifyWith(lines.filter((_, index) => index !== at - 1));
    expect(result).toEqual({
      ok: false,
      records: 249,
      seals: 5,
      sealedWith: { current: 5, previous: 0 },
      problems: [{ line: at, kind: 'supprime', detail: `record seq 120 is missing after line ${at - 1}` }],
    });
  });

  it('detects records deleted from the start of the journal (without an anchor)', async () => {
    const result = await verifyWith(lines.slice(3));
    expect(result.problems).toEqual([{ line: 1, kind: 'supprime', detail: 'records seq 1 to 3 are missing at the start of the journal' }]);
  });

  it('detects two swapped records as one reordering', async () => {
    const a = lineOf(lines, 'acces', 120);
    const changed = [...lines];
    [changed[a - 1], changed[a]] = [changed[a]!, changed[a - 1]!];
    await expect(verifyWith(changed)).resolves.toEqual({
      ok: false,
      records: 250,
      seals: 5,
      sealedWith: { current: 5, previous: 0 },
      problems: [{ line: a, kind: 'reordonne', detail: `records out of order: seq 120 expected here, found later at line ${a + 1}` }],
    });
  });

  it('detects two distant records swapped', async () => {
    const a = lineOf(lines, 'acces', 110);
    const b = lineOf(lines, 'acces', 140);
    const changed = [...lines];
    [changed[a - 1], changed[b - 1]] = [changed[b - 1]!, changed[a - 1]!];
    const result = await verifyWith(changed);
    expect(result.ok).toBe(false);
    expect(result.problems.map(({ line, kind }) => ({ line, kind }))).toContainEqual({ line: a, kind: 'reordonne' });
    expect(result.problems.every((problem) => problem.kind === 'reordonne')).toBe(true);
  });

  it('detects a deleted seal on the next seal', async () => {
    const seal2 = lineOf(lines, 'sceau', 2);
    const result = await verifyWith(lines.filter((_, index) => index !== seal2 - 1));
    expect(result).toEqual({
      ok: false,
      records: 250,
      seals: 4,
      sealedWith: { current: 4, previous: 0 },
      problems: [{ line: lineOf(lines, 'sceau', 3) - 1, kind: 'supprime', detail: 'seal no 2 is missing before this seal (no 3)' }],
    });
  });

  it('detects a seal forged with another key', async () => {
    const seal2 = lineOf(lines, 'sceau', 2);
    const changed = [...lines];
    changed[seal2 - 1] = resign(lines[seal2 - 1]!, otherKey);
    await expect(verifyWith(changed)).resolves.toEqual({
      ok: false,
      records: 250,
      seals: 5,
      sealedWith: { current: 4, previous: 0 },
      problems: [{ line: seal2, kind: 'sceau-invalide', detail: 'seal no 2: its HMAC does not verify (forged, altered or made with another key)' }],
    });
  });

  it('detects a seal whose fields were altered', async () => {
    const seal2 = lineOf(lines, 'sceau', 2);
    const changed = [...lines];
    changed[seal2 - 1] = lines[seal2 - 1]!.replace(/"time":"[^"]+"/, '"time":"2020-01-01T00:00:00.000Z"');
    const result = await verifyWith(changed);
    expect(result.problems).toEqual([{ line: seal2, kind: 'sceau-invalide', detail: expect.stringContaining('HMAC does not verify') }]);
  });

  it('reports a record forged at the end as not sealed: a warning, an error in strict mode', async () => {
    const last = JSON.parse(lines[lines.length - 2]!) as RecordLine;
    const changed = [...lines, forgedRecordLine(last, makeRecord(999))];
    const expected = [{ line: 256, kind: 'non-scelle', detail: '1 record(s) after the last seal (line 256): not yet provably authentic' }];
    await expect(verifyWith(changed)).resolves.toEqual({ ok: true, records: 251, seals: 5, sealedWith: { current: 5, previous: 0 }, problems: expected });
    await expect(verifyJournal(journalPath(), sealKey, { strict: true })).resolves.toEqual({ ok: false, records: 251, seals: 5, sealedWith: { current: 5, previous: 0 }, problems: expected });
  });

  it('detects a record replayed at the end', async () => {
    const changed = [...lines, lines[0]!];
    const result = await verifyWith(changed);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { line: 256, kind: 'reordonne', detail: 'record seq 1 comes after seq 250: moved or duplicated' },
      { line: 256, kind: 'non-scelle', detail: expect.any(String) },
    ]);
  });

  it('detects a file truncated in the middle of a line', async () => {
    const at = lineOf(lines, 'acces', 120);
    const offset = lines.slice(0, at - 1).reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0) + 50;
    await truncate(journalPath(), offset);
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toEqual({
      ok: false,
      records: 119,
      seals: 2,
      sealedWith: { current: 2, previous: 0 },
      problems: [
        { line: lineOf(lines, 'acces', 101), kind: 'non-scelle', detail: `19 record(s) after the last seal (lines ${lineOf(lines, 'acces', 101)} to ${at - 1}): not yet provably authentic` },
        { line: at, kind: 'illisible', detail: 'incomplete last line (no end of line): an interrupted write or a truncated file' },
      ],
    });
  });

  it('reports a damaged line in the middle once, and picks the chain up after it', async () => {
    const at = lineOf(lines, 'acces', 120);
    const changed = [...lines];
    changed[at - 1] = lines[at - 1]!.slice(0, 60);
    await expect(verifyWith(changed)).resolves.toEqual({
      ok: false,
      records: 249,
      seals: 5,
      sealedWith: { current: 5, previous: 0 },
      problems: [{ line: at, kind: 'illisible', detail: 'not a journal line: not valid JSON' }],
    });
  });

  it('refuses a line with a field the hash does not cover', async () => {
    const at = lineOf(lines, 'acces', 120);
    const changed = [...lines];
    changed[at - 1] = lines[at - 1]!.replace('{"type":"acces",', '{"type":"acces","note":"x",');
    const result = await verifyWith(changed);
    expect(result.problems).toEqual([{ line: at, kind: 'illisible', detail: 'not a journal line: unexpected field "note"' }]);
  });

  it('verifies an empty journal and fails clearly on a missing one', async () => {
    await writeFile(journalPath(), '');
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toEqual({ ok: true, records: 0, seals: 0, sealedWith: { current: 0, previous: 0 }, problems: [] });
    await expect(verifyJournal(path.join(tempDir(), 'absent.jsonl'), sealKey)).rejects.toThrow(`No audit journal at ${path.join(tempDir(), 'absent.jsonl')}`);
  });

  it('needs the right key: every seal fails under another one', async () => {
    const result = await verifyJournal(journalPath(), otherKey);
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.kind)).toEqual(['non-scelle', ...Array<string>(5).fill('sceau-invalide')]);
    expect(result.problems[0]).toEqual({ line: 1, kind: 'non-scelle', detail: '250 record(s) after the last seal (lines 1 to 254): not yet provably authentic' });
  });
});
