import type { LogFields, Logger, LogLevel } from '@passerelle/subgraph-kit';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAuditJournal, type AuditJournalOptions } from '../../src/audit/createAuditJournal';
import type { AuditRecord } from '../../src/audit/AuditRecord';
import { hashOperation } from '../../src/audit/hashOperation';
import { chainHash } from '../../src/audit/chainHash';
import { checkpointHmac } from '../../src/audit/checkpointHmac';

/** Seal key of the tests (≥ 32 characters). */
export const sealKey = 'test-audit-seal-key-0123456789abcdef';

/** A fresh directory per test, removed afterwards. */
export function useTempDir(): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'passerelle-audit-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

const base = Date.parse('2025-01-01T00:00:00.000Z');

/** A plausible record; record `i` is `i` hours after 2025-01-01 and touches usager `u_usager<i % 7>`. */
export function makeRecord(i: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    time: new Date(base + i * 3_600_000).toISOString(),
    traceId: `req-${i}`,
    agent: `agent-${i % 5}`,
    organisation: i % 2 === 0 ? 'CD12' : 'CAF12',
    roles: ['referent'],
    finalite: 'accompagnement',
    operationName: 'DossierComplet',
    operationHash: hashOperation(`query DossierComplet { usager(id: "${i}") { id } }`),
    usagers: [`u_usager${i % 7}`],
    lectures: { caf: ['DossierCaf.quotientFamilial', 'Rsa.etat'], identite: ['Identite.nomNaissance'] },
    refus: [],
    issue: 'ok',
    ...overrides,
  };
}

/** Writes `count` records concurrently into a new journal and closes it. */
export async function writeJournal(file: string, count: number, options: Partial<AuditJournalOptions> = {}): Promise<void> {
  const journal = await createAuditJournal({ path: file, sealKey, ...options });
  await Promise.all(Array.from({ length: count }, (_, index) => journal.append(makeRecord(index + 1))));
  await journal.close();
}

/** The file's lines, without the final end of line. */
export async function readLines(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  return text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
}

/** Replaces the file by these lines, each terminated. */
export async function writeLines(file: string, lines: string[]): Promise<void> {
  await writeFile(file, lines.map((line) => `${line}\n`).join(''));
}

/** 1-based line number of the record with this seq, or of the seal with this numero. */
export function lineOf(lines: string[], type: 'acces' | 'sceau', key: number): number {
  const index = lines.findIndex((line) => {
    const parsed = JSON.parse(line) as { type: string; seq: number; numero?: number };
    return parsed.type === type && (type === 'acces' ? parsed.seq === key : parsed.numero === key);
  });
  if (index === -1) throw new Error(`no ${type} ${key}`);
  return index + 1;
}

/** A record line an intruder without the seal key can compute: correctly chained after `prev`. */
export function forgedRecordLine(prev: { seq: number; hash: string }, record: AuditRecord): string {
  const seq = prev.seq + 1;
  return JSON.stringify({ type: 'acces', seq, prevHash: prev.hash, hash: chainHash(prev.hash, seq, record), record });
}

/** Re-signs a seal or anchor line's fields with `key`. */
export function resign(line: string, key: string, change: Record<string, unknown> = {}): string {
  const { hmac: _hmac, ...fields } = { ...(JSON.parse(line) as Record<string, unknown>), ...change };
  return JSON.stringify({ ...fields, hmac: checkpointHmac(key, fields as never) });
}

/** A logger that keeps its lines. */
export function recordingLogger(): { lines: Array<{ level: LogLevel; message: string; fields: LogFields }>; logger: Logger } {
  const lines: Array<{ level: LogLevel; message: string; fields: LogFields }> = [];
  const log =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) =>
      void lines.push({ level, message, fields });
  return { lines, logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') } };
}
