import type { JournalLine } from './JournalLine';

const hex64 = /^[0-9a-f]{64}$/;
const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const fieldsOf = {
  acces: ['type', 'seq', 'prevHash', 'hash', 'record'],
  sceau: ['type', 'seq', 'hash', 'time', 'numero', 'hmac'],
  ancre: ['type', 'seq', 'hash', 'time', 'purges', 'numero', 'hmac'],
} as const;

/** What `parseJournalLine` makes of one line: the line, or why it is not one. */
export type ParsedJournalLine = { ok: true; line: JournalLine } | { ok: false; reason: string };

const isCount = (value: unknown, min: number): boolean => Number.isSafeInteger(value) && (value as number) >= min;

/**
 * Parses one line of the journal (without its end of line) and checks its shape: known
 * type, exactly the fields of that type (an extra field would not be covered by the hash or
 * the HMAC), integers, hex digests. Says nothing about hashes, links or HMACs.
 */
export function parseJournalLine(text: string): ParsedJournalLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' };
  const line = value as Record<string, unknown>;
  const type = line.type;
  if (type !== 'acces' && type !== 'sceau' && type !== 'ancre') return { ok: false, reason: 'unknown line type' };
  const expected: readonly string[] = fieldsOf[type];
  const unexpected = Object.keys(line).find((key) => !expected.includes(key));
  if (unexpected !== undefined) return { ok: false, reason: `unexpected field "${unexpected.slice(0, 40)}"` };
  const missing = expected.find((key) => !(key in line));
  if (missing !== undefined) return { ok: false, reason: `missing field "${missing}"` };
  if (!isCount(line.seq, 1)) return { ok: false, reason: 'seq is not a valid sequence number' };
  if (typeof line.hash !== 'string' || !hex64.test(line.hash)) return { ok: false, reason: 'hash is not a sha256 hex digest' };
  if (type === 'acces') {
    if (typeof line.prevHash !== 'string' || !hex64.test(line.prevHash)) return { ok: false, reason: 'prevHash is not a sha256 hex digest' };
    if (typeof line.record !== 'object' || line.record === null || Array.isArray(line.record)) return { ok: false, reason: 'record is not an object' };
    return { ok: true, line: line as unknown as JournalLine };
  }
  if (typeof line.time !== 'string' || !isoUtc.test(line.time)) return { ok: false, reason: 'time is not an ISO 8601 UTC time' };
  if (!isCount(line.numero, 0)) return { ok: false, reason: 'numero is not a valid seal number' };
  if (typeof line.hmac !== 'string' || !hex64.test(line.hmac)) return { ok: false, reason: 'hmac is not a sha256 hex digest' };
  if (type === 'ancre' && !isCount(line.purges, 1)) return { ok: false, reason: 'purges is not a positive count' };
  return { ok: true, line: line as unknown as JournalLine };
}
