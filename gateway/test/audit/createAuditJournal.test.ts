import { readFile, stat, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import { createAuditJournal } from '../../src/audit/createAuditJournal';
import { chainHash } from '../../src/audit/chainHash';
import { genesisHash } from '../../src/audit';
import { verifyJournal } from '../../src/audit/verifyJournal';
import { makeRecord, readLines, recordingLogger, resign, sealKey, useTempDir, writeJournal, writeLines } from './auditTestKit';

const tempDir = useTempDir();
const journalPath = () => path.join(tempDir(), 'audit', 'journal.jsonl');

type Line = { type: string; seq: number; prevHash?: string; hash: string; numero?: number; record?: unknown };
const parse = (lines: string[]) => lines.map((line) => JSON.parse(line) as Line);

describe('createAuditJournal', () => {
  it('writes a chain of several hundred concurrent appends that verifies, sealed every sealEvery records and on close', async () => {
    await writeJournal(journalPath(), 300, { sealEvery: 64 });
    const lines = parse(await readLines(journalPath()));
    const records = lines.filter((line) => line.type === 'acces');
    expect(records.map((line) => line.seq)).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
    let prevHash = genesisHash;
    for (const line of records) {
      expect(line.prevHash).toBe(prevHash);
      expect(line.hash).toBe(chainHash(prevHash, line.seq, line.record));
      prevHash = line.hash;
    }
    const seals = lines.filter((line) => line.type === 'sceau');
    expect(seals.map((seal) => [seal.numero, seal.seq])).toEqual([
      [1, 64],
      [2, 128],
      [3, 192],
      [4, 256],
      [5, 300],
    ]);
    expect(lines.at(-1)?.type).toBe('sceau');
    expect(Object.keys(JSON.parse((await readLines(journalPath()))[0]!) as object)).toEqual(['type', 'seq', 'prevHash', 'hash', 'record']);
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toEqual({ ok: true, records: 300, seals: 5, sealedWith: { current: 5, previous: 0 }, problems: [] });
    expect((await stat(journalPath())).mode & 0o777).toBe(0o600);
  });

  it('loses no record appended before a normal stop, even when close() is called before the appends resolve (group commit)', async () => {
    const journal = await createAuditJournal({ path: journalPath(), sealKey, sealEvery: 1000 });
    const appends = Array.from({ length: 50 }, (_, index) => journal.append(makeRecord(index + 1)));
    const closed = journal.close();
    await expect(Promise.all(appends)).resolves.toHaveLength(50);
    await closed;
    const lines = parse(await readLines(journalPath()));
    expect(lines.map((line) => (line.type === 'acces' ? line.seq : `sceau ${line.seq}`))).toEqual([...Array.from({ length: 50 }, (_, index) => index + 1), 'sceau 50']);
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toEqual({ ok: true, records: 50, seals: 1, sealedWith: { current: 1, previous: 0 }, problems: [] });
    await expect(journal.append(makeRecord(51))).rejects.toThrow('is closed');
  });

  it('continues the chain after a restart', async () => {
    await writeJournal(journalPath(), 10, { sealEvery: 4 });
    const journal = await createAuditJournal({ path: journalPath(), sealKey, sealEvery: 4 });
    await journal.append(makeRecord(11));
    await journal.append(makeRecord(12));
    await journal.close();
    const lines = parse(await readLines(journalPath()));
    expect(lines.map((line) => `${line.type}:${line.type === 'acces' ? line.seq : line.numero}`)).toEqual([
      'acces:1',
      'acces:2',
      'acces:3',
      'acces:4',
      'sceau:1',
      'acces:5',
      'acces:6',
      'acces:7',
      'acces:8',
      'sceau:2',
      'acces:9',
      'acces:10',
      'sceau:3',
      'acces:11',
      'acces:12',
      'sceau:4',
    ]);
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toMatchObject({ ok: true, records: 12, seals: 4 });
  });

  it('reopened after a crash (records left unsealed), seals them first and says so', async () => {
    const journal = await createAuditJournal({ path: journalPath(), sealKey });
    await journal.append(makeRecord(1));
    await journal.append(makeRecord(2));
    const crashed = await readFile(journalPath());
    await journal.close();
    await writeFile(journalPath(), crashed);
    const { lines: logged, logger } = recordingLogger();
    const reopened = await createAuditJournal({ path: journalPath(), sealKey, logger });
    await reopened.append(makeRecord(3));
    await reopened.close();
    expect(parse(await readLines(journalPath())).map((line) => `${line.type}:${line.seq}`)).toEqual(['acces:1', 'acces:2', 'sceau:2', 'acces:3', 'sceau:3']);
    expect(logged.filter((line) => line.level === 'warn')).toEqual([
      { level: 'warn', message: 'audit journal reopened with unsealed records (the previous run did not close it)', fields: { journal: journalPath(), unsealed: 2 } },
    ]);
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toEqual({ ok: true, records: 3, seals: 2, sealedWith: { current: 2, previous: 0 }, problems: [] });
  });

  describe('refuses to start on a file whose end does not verify', () => {
    const cases: Array<[string, (lines: string[]) => string[] | string]> = [
      ['the last line is cut in the middle', (lines) => `${lines.join('\n')}\n${lines.at(-2)!.slice(0, 40)}`],
      ['the last record was edited', (lines) => [...lines.slice(0, -2), lines.at(-2)!.replace('"CD12"', '"CCAS12"'), lines.at(-1)!]],
      ['the last seal was forged with another key', (lines) => [...lines.slice(0, -1), resign(lines.at(-1)!, 'another-key-another-key-another-key!')]],
      ['the last record was removed', (lines) => [...lines.slice(0, -2), lines.at(-1)!]],
    ];
    it.each(cases)('%s', async (_name, damage) => {
      await writeJournal(journalPath(), 30, { sealEvery: 10 });
      const damaged = damage(await readLines(journalPath()));
      if (typeof damaged === 'string') await writeFile(journalPath(), damaged);
      else await writeLines(journalPath(), damaged);
      const before = await readFile(journalPath());
      await expect(createAuditJournal({ path: journalPath(), sealKey })).rejects.toThrow(`The audit journal ${journalPath()} does not verify at its end; refusing to append to it`);
      expect(await readFile(journalPath())).toEqual(before);
      await expect(access(`${journalPath()}.lock`)).rejects.toThrow('ENOENT');
    });
  });

  it('holds a lock: a second journal on the same file is refused until the first is closed', async () => {
    const first = await createAuditJournal({ path: journalPath(), sealKey });
    await expect(createAuditJournal({ path: journalPath(), sealKey })).rejects.toThrow(`The audit journal ${journalPath()} is in use by process ${process.pid}`);
    await first.close();
    const second = await createAuditJournal({ path: journalPath(), sealKey });
    await second.close();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    await writeJournal(journalPath(), 1);
    const { hostname } = await import('node:os');
    await writeFile(`${journalPath()}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname() }));
    const journal = await createAuditJournal({ path: journalPath(), sealKey });
    await journal.append(makeRecord(2));
    await journal.close();
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toMatchObject({ ok: true, records: 2 });
  });

  it('seals every sealIntervalMs when records were added, and not otherwise', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'], now: new Date('2025-03-01T10:00:00.000Z') });
    try {
      const journal = await createAuditJournal({ path: journalPath(), sealKey, sealEvery: 1000, sealIntervalMs: 60_000 });
      await Promise.all([1, 2, 3].map((i) => journal.append(makeRecord(i))));
      jest.advanceTimersByTime(60_000);
      await journal.append(makeRecord(4));
      await journal.seal();
      jest.advanceTimersByTime(60_000); // nothing added since the last seal: no new seal
      await journal.seal();
      await journal.close();
      const seals = parse(await readLines(journalPath())).filter((line) => line.type === 'sceau') as Array<Line & { time: string }>;
      expect(seals.map(({ numero, seq, time }) => ({ numero, seq, time }))).toEqual([
        { numero: 1, seq: 3, time: '2025-03-01T10:01:00.000Z' },
        { numero: 2, seq: 4, time: '2025-03-01T10:01:00.000Z' },
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('rejects a malformed record without writing it, and keeps going', async () => {
    const journal = await createAuditJournal({ path: journalPath(), sealKey });
    await expect(journal.append(makeRecord(1, { lectures: { caf: ['quotient familial'] } }))).rejects.toThrow('Invalid audit record: lectures.caf[0]: expected schema coordinates (Type.field)');
    await expect(journal.append(makeRecord(1, { finalite: 'curiosite' as never }))).rejects.toThrow('Invalid audit record: finalite: expected one of');
    await expect(journal.append(makeRecord(1, { time: '17/04/2025' }))).rejects.toThrow('Invalid audit record: time: expected an ISO 8601 UTC time');
    await journal.append(makeRecord(1));
    await journal.close();
    await expect(journal.append(makeRecord(2))).rejects.toThrow(`The audit journal ${journalPath()} is closed.`);
    await expect(verifyJournal(journalPath(), sealKey)).resolves.toEqual({ ok: true, records: 1, seals: 1, sealedWith: { current: 1, previous: 0 }, problems: [] });
  });

  it('writes a normalized record: known fields only, sets sorted and deduplicated', async () => {
    const journal = await createAuditJournal({ path: journalPath(), sealKey });
    const extra = { variables: { id: 'u_x' }, query: '{ usager { id } }' };
    await journal.append({
      ...makeRecord(1, {
        usagers: ['u_b', 'u_a', 'u_b'],
        roles: ['referent', 'agent', 'referent'],
        refus: ['DossierCaf.rsa', 'DossierCaf.aah', 'DossierCaf.rsa'],
        lectures: { cpam: [], caf: ['Rsa.etat', 'DossierCaf.quotientFamilial', 'Rsa.etat'] },
      }),
      ...extra,
    });
    await journal.close();
    const [line] = parse(await readLines(journalPath()));
    expect(line?.record).toEqual({
      time: '2025-01-01T01:00:00.000Z',
      traceId: 'req-1',
      agent: 'agent-1',
      organisation: 'CAF12',
      roles: ['agent', 'referent'],
      finalite: 'accompagnement',
      operationName: 'DossierComplet',
      operationHash: makeRecord(1).operationHash,
      usagers: ['u_a', 'u_b'],
      lectures: { caf: ['DossierCaf.quotientFamilial', 'Rsa.etat'] },
      refus: ['DossierCaf.aah', 'DossierCaf.rsa'],
      issue: 'ok',
    });
  });

  it('seal() writes a seal only when records were added since the last one', async () => {
    const journal = await createAuditJournal({ path: journalPath(), sealKey });
    await journal.seal();
    await journal.append(makeRecord(1));
    await journal.seal();
    await journal.seal();
    await journal.close();
    expect(parse(await readLines(journalPath())).map((line) => line.type)).toEqual(['acces', 'sceau']);
  });

  it('is writable while open and holding its lock, not once the lock file is gone or replaced, nor after close (GET /ready)', async () => {
    const journal = await createAuditJournal({ path: journalPath(), sealKey });
    await expect(journal.writable()).resolves.toBe(true);
    const lock = await readFile(`${journalPath()}.lock`, 'utf8');
    await writeFile(`${journalPath()}.lock`, JSON.stringify({ pid: 1, host: 'elsewhere' }));
    await expect(journal.writable()).resolves.toBe(false);
    await writeFile(`${journalPath()}.lock`, lock);
    await expect(journal.writable()).resolves.toBe(true);
    await journal.close();
    await expect(journal.writable()).resolves.toBe(false);
  });
});
