import path from 'node:path';
import type { LogFields, Logger } from '@passerelle/subgraph-kit';
import { createAuditJournal } from '../../src/audit/createAuditJournal';
import { verifyJournal } from '../../src/audit/verifyJournal';
import { createIpcAuditSink } from '../../src/cluster/createIpcAuditSink';
import { serveAuditOverIpc } from '../../src/cluster/serveAuditOverIpc';
import type { AuditRecord } from '../../src/audit/AuditRecord';
import { makeRecord, readLines, sealKey, useTempDir } from '../audit/auditTestKit';
import { fakeChannel, type FakeChannel } from './fakeChannel';

const dir = useTempDir();

/** A logger keeping its warnings, to assert what a malformed message leaves. */
function recordingLogger(): Logger & { warnings: Array<[string, LogFields | undefined]> } {
  const warnings: Array<[string, LogFields | undefined]> = [];
  return { warnings, debug() {}, info() {}, error() {}, warn: (message, fields) => void warnings.push([message, fields]) };
}

/** A worker's sink wired to a primary serving a real file journal, over the fake channel. */
async function workerAndPrimary(channel: FakeChannel = fakeChannel()) {
  const file = path.join(dir(), 'journal.jsonl');
  const journal = await createAuditJournal({ path: file, sealKey, sealEvery: 1000 });
  const serve = serveAuditOverIpc(journal, recordingLogger());
  channel.deliver = (message) => {
    serve(message, (answer) => channel.receive(answer));
  };
  return { file, journal, channel, sink: createIpcAuditSink({ channel }) };
}

/** Settles within the current turns, or says it is still pending. */
const state = (promise: Promise<unknown>): Promise<string> =>
  Promise.race([
    promise.then(
      () => 'resolved',
      (error: Error) => `rejected: ${error.message}`,
    ),
    new Promise<string>((resolve) => setImmediate(() => setImmediate(() => resolve('pending')))),
  ]);

describe('the audit journal of a gateway worker, written by the primary over IPC', () => {
  it('resolves each append once the primary has written its record: one chain, in order, that verifies', async () => {
    const { file, journal, sink } = await workerAndPrimary();
    const appended = Array.from({ length: 30 }, (_, i) => sink.append(makeRecord(i + 1)).then(async () => (await readLines(file)).length));
    const linesWhenResolved = await Promise.all(appended);
    // Each append resolved with its record already in the file (group commit writes several at once).
    expect(linesWhenResolved.every((lines, i) => lines >= i + 1)).toBe(true);
    await sink.close();
    await journal.close();
    const lines = (await readLines(file)).map((line) => JSON.parse(line) as { type: string; seq?: number; record?: AuditRecord });
    expect(lines.filter((line) => line.type === 'acces').map((line) => [line.seq, line.record?.traceId])).toEqual(Array.from({ length: 30 }, (_, i) => [i + 1, `req-${i + 1}`]));
    const verification = await verifyJournal(file, sealKey);
    expect([verification.ok, verification.records, verification.problems]).toEqual([true, 30, []]);
  });

  it('rejects an append the primary refuses, with the journal’s reason, and writes nothing', async () => {
    const { file, journal, sink } = await workerAndPrimary();
    const malformed = { ...makeRecord(1), finalite: 'curiosite' } as unknown as AuditRecord;
    await expect(sink.append(malformed)).rejects.toThrow(/^The audit journal refused the record: .*finalite/);
    await sink.append(makeRecord(2));
    await journal.close();
    expect((await readLines(file)).filter((line) => line.includes('"acces"'))).toHaveLength(1);
  });

  it('is writable (GET /ready) while the primary answers and accepts; not once it refused, is gone, or the sink closed', async () => {
    const { journal, sink, channel } = await workerAndPrimary();
    expect(await sink.writable()).toBe(true);
    await journal.close();
    // The primary's journal is closed: it refuses the record, and the worker stops saying it can write.
    await expect(sink.append(makeRecord(1))).rejects.toThrow(/^The audit journal refused the record/);
    expect(await sink.writable()).toBe(false);
    channel.disconnect();
    expect(await sink.writable()).toBe(false);
    const other = (await workerAndPrimary()).sink;
    await other.close();
    expect(await other.writable()).toBe(false);
  });

  it('rejects the appends waiting when the primary is gone, and every later one, at once', async () => {
    const channel = fakeChannel();
    // A primary that never answers, then exits.
    const sink = createIpcAuditSink({ channel });
    const waiting = [sink.append(makeRecord(1)), sink.append(makeRecord(2))];
    expect(await state(waiting[0]!)).toBe('pending');
    channel.disconnect();
    const gone = 'rejected: The audit journal is unavailable: the gateway primary process is gone.';
    expect(await Promise.all(waiting.map(state))).toEqual([gone, gone]);
    expect(await state(sink.append(makeRecord(3)))).toBe(gone);
    // Nothing more was sent once the channel had closed.
    expect(channel.sent).toHaveLength(2);
  });

  it('rejects an append whose message cannot be sent (the channel closed under it)', async () => {
    const channel = fakeChannel();
    channel.failSends = true;
    const sink = createIpcAuditSink({ channel });
    expect(await state(sink.append(makeRecord(1)))).toBe('rejected: The audit journal is unavailable: Channel closed');
  });

  it('ignores malformed answers and answers to no request: the append waits for its own acknowledgement', async () => {
    const channel = fakeChannel();
    const logger = recordingLogger();
    const sink = createIpcAuditSink({ channel, logger });
    const append = sink.append(makeRecord(1));
    const [request] = channel.sent as Array<{ id: number }>;
    for (const message of [
      { channel: 'passerelle-audit', op: 'ack' },
      { channel: 'passerelle-audit', op: 'ack', id: '1' },
      { channel: 'passerelle-audit', op: 'nack', id: request!.id },
      { channel: 'passerelle-audit', op: 'done', id: request!.id },
      { channel: 'passerelle-audit', op: 'ack', id: request!.id + 1 },
      { channel: 'passerelle-control', op: 'shutdown' },
      'ack',
      null,
    ])
      channel.receive(message);
    expect(await state(append)).toBe('pending');
    expect(logger.warnings).toEqual([
      ['malformed audit journal answer from the primary ignored', undefined],
      ['malformed audit journal answer from the primary ignored', undefined],
      ['malformed audit journal answer from the primary ignored', undefined],
      ['malformed audit journal answer from the primary ignored', undefined],
      ['audit journal answer for no pending request', { id: request!.id + 1 }],
    ]);
    channel.receive({ channel: 'passerelle-audit', op: 'ack', id: request!.id });
    expect(await state(append)).toBe('resolved');
  });

  it('refuses an append at once when as many as maxPending records await the primary', async () => {
    const channel = fakeChannel();
    const sink = createIpcAuditSink({ channel, maxPending: 2 });
    const first = [sink.append(makeRecord(1)), sink.append(makeRecord(2))];
    expect(await state(sink.append(makeRecord(3)))).toBe('rejected: The audit journal is overloaded: 2 records already await the primary.');
    const ids = (channel.sent as Array<{ id: number }>).map((message) => message.id);
    for (const id of ids) channel.receive({ channel: 'passerelle-audit', op: 'ack', id });
    expect(await Promise.all(first.map(state))).toEqual(['resolved', 'resolved']);
    expect(await state(sink.append(makeRecord(4)))).toBe('pending');
  });

  it('closes once the records under way are acknowledged, and refuses appends after', async () => {
    const channel = fakeChannel();
    const sink = createIpcAuditSink({ channel });
    const append = sink.append(makeRecord(1));
    const closed = sink.close();
    expect(await state(closed)).toBe('pending');
    expect(await state(sink.append(makeRecord(2)))).toBe('rejected: The audit journal is closed.');
    channel.receive({ channel: 'passerelle-audit', op: 'ack', id: (channel.sent[0] as { id: number }).id });
    expect([await state(append), await state(closed)]).toEqual(['resolved', 'resolved']);
  });
});

describe('the primary’s side', () => {
  it('answers a malformed request with a nack naming the problem, and leaves other channels alone', async () => {
    const file = path.join(dir(), 'journal.jsonl');
    const journal = await createAuditJournal({ path: file, sealKey });
    const logger = recordingLogger();
    const serve = serveAuditOverIpc(journal, logger);
    const replies: unknown[] = [];
    const reply = (answer: unknown) => void replies.push(answer);
    expect([
      serve({ channel: 'passerelle-audit', op: 'append', id: 7 }, reply),
      serve({ channel: 'passerelle-audit', op: 'append', record: makeRecord(1) }, reply),
      serve({ channel: 'passerelle-control', op: 'ready' }, reply),
      serve({ cmd: 'NODE_CLUSTER' }, reply),
    ]).toEqual([true, true, false, false]);
    expect(replies).toEqual([{ channel: 'passerelle-audit', op: 'nack', id: 7, reason: 'an audit request of unknown shape' }]);
    expect(logger.warnings).toEqual([
      ['malformed audit journal request from a worker', { problem: 'an audit request of unknown shape' }],
      ['malformed audit journal request from a worker', { problem: 'an audit request without a valid id' }],
    ]);
    serve({ channel: 'passerelle-audit', op: 'seal', id: 8 }, reply);
    await journal.close();
    expect(replies).toEqual([
      { channel: 'passerelle-audit', op: 'nack', id: 7, reason: 'an audit request of unknown shape' },
      { channel: 'passerelle-audit', op: 'ack', id: 8 },
    ]);
  });
});
