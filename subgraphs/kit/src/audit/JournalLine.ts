/** prevHash of the first record of a journal that was never purged. */
export const genesisHash = '0'.repeat(64);

/** One consultation, chained to the previous one: hash = sha256(prevHash + canonical JSON of {seq, record}). */
export interface AccesLine {
  type: 'acces';
  /** 1 for the first record ever written, then +1 per record (purges do not renumber). */
  seq: number;
  prevHash: string;
  hash: string;
  /** An `AuditRecord` as written; typed loosely because a line read back may have been tampered with. */
  record: Record<string, unknown>;
}

/** A checkpoint: HMAC-SHA256(sealKey, canonical JSON of every other field) over the last record's seq and hash. */
export interface SceauLine {
  type: 'sceau';
  /** seq of the last record sealed. */
  seq: number;
  /** hash of that record. */
  hash: string;
  time: string;
  /** 1 for the first seal ever written, then +1 per seal: a removed seal leaves a gap. */
  numero: number;
  hmac: string;
}

/** The first line of a purged journal: stands for the records removed, sealed like a seal. */
export interface AncreLine {
  type: 'ancre';
  /** seq of the last record removed. */
  seq: number;
  /** hash of that record: the first record kept has it as prevHash. */
  hash: string;
  time: string;
  /** How many records this purge removed. */
  purges: number;
  /** numero of the last seal removed (0 if none): the next seal has numero + 1. */
  numero: number;
  hmac: string;
}

/** Any line of the journal file. */
export type JournalLine = AccesLine | SceauLine | AncreLine;

/** Seals and anchors: the HMAC-authenticated lines. */
export type CheckpointLine = SceauLine | AncreLine;

/** A checkpoint's fields other than `hmac`: what the HMAC covers. */
export type CheckpointFields = Omit<SceauLine, 'hmac'> | Omit<AncreLine, 'hmac'>;
