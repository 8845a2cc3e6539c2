/** A row of passerelle_audit.record, as read (gateway/sql/001_audit_journal.sql). */
export interface RecordRow {
  seq: number;
  prevHash: string;
  hash: string;
  time: Date;
  /** Typed loosely: a row read back may have been tampered with. */
  record: Record<string, unknown>;
}

/** A row of passerelle_audit.seal. */
export interface SealRow {
  numero: number;
  seq: number;
  hash: string;
  time: Date;
  hmac: string;
}

/** The row of passerelle_audit.anchor of a writer whose prefix was purged. */
export interface AnchorRow {
  seq: number;
  hash: string;
  time: Date;
  purges: number;
  numero: number;
  hmac: string;
}

/** A bigint column as a JS number (pg returns int8 as text): seq and numero stay far below 2^53. */
export function count(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(number)) throw new Error('passerelle_audit: a sequence number is out of range');
  return number;
}
