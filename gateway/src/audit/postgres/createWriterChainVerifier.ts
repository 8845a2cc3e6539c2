import { chainHash } from '../chainHash';
import type { ChainPosition } from '../createJournalVerifier';
import { createSealKeyTally } from '../createSealKeyTally';
import type { JournalProblemKind } from '../JournalProblem';
import type { SealKeyCounts, SealKeys } from '../SealKeys';
import { writerCheckpointVerifies, writerGenesisHash } from './writerCheckpoint';
import type { AnchorRow, RecordRow, SealRow } from './WriterRows';

/** One problem in one writer's chain. */
export interface WriterProblem {
  writer: string;
  /** The record's seq, or the seal's number for a seal (`detail` says which); null for the whole chain. */
  seq: number | null;
  kind: JournalProblemKind;
  /** What is wrong, in words; never a record's content. */
  detail: string;
}

/** What a writer's verifier found. */
export interface WriterChainResult {
  records: number;
  seals: number;
  /** Seals and the anchor whose HMAC verified, by the key that made them. */
  sealedWith: SealKeyCounts;
  problems: WriterProblem[];
  /** The chain's end, from which the writer continues. */
  position: ChainPosition;
  /** Records after the last valid seal or anchor. */
  unsealed: number;
}

/** Where a verification starts: the writer's genesis, its anchor (a purged prefix) or a seal trusted once its HMAC verifies (resuming). */
export type ChainOrigin = { kind: 'genesis' } | { kind: 'anchor'; anchor: AnchorRow } | { kind: 'seal'; seal: SealRow };

/** Feeds a writer's verifier its rows in chain order (see `feedWriterRows`). */
export interface WriterChainVerifier {
  record(row: RecordRow): void;
  seal(row: SealRow): void;
  end(): WriterChainResult;
}

/** How far from its stored seq a record whose hash does not match is looked for (a record moved to another seq). */
const movedWindow = 1000;
/** Records examined that way at most, so that a wholesale rewrite does not cost a million hashes per record. */
const movedLookups = 20;

/**
 * Checks one writer's hash chain and seals, row by row, the PostgreSQL counterpart of
 * `createJournalVerifier` (the file journal's, line by line). The database already guarantees
 * what the file cannot (one row per seq, typed columns, rows read in seq order); what is left
 * is what a superuser or anyone with the table owner's rights could do:
 * - a record edited (content, seq, time column, links): `altere`, or `reordonne` when its
 *   content hashes with another seq (records whose seq were swapped or moved);
 * - records or seals deleted (a gap in seq or numero): `supprime`;
 * - a seal forged, altered, or not sealing the record before it: `sceau-invalide`;
 * - records after the last seal: `non-scelle` (a warning).
 * Seals and the anchor verify under the current key or a previous one (`SealKeys`), in that
 * order along the chain (`createSealKeyTally`).
 */
export function createWriterChainVerifier(writer: string, sealKeys: SealKeys, origin: ChainOrigin): WriterChainVerifier {
  const problems: WriterProblem[] = [];
  const report = (seq: number | null, kind: JournalProblemKind, detail: string) => problems.push({ writer, seq, kind, detail });
  const position: ChainPosition = { seq: 0, hash: writerGenesisHash(writer), numero: 0 };
  const tally = createSealKeyTally();
  if (origin.kind === 'anchor') {
    const { anchor } = origin;
    const fields = { type: 'ancre' as const, writer, seq: anchor.seq, hash: anchor.hash, time: anchor.time.toISOString(), purges: anchor.purges, numero: anchor.numero };
    const key = writerCheckpointVerifies(sealKeys, fields, anchor.hmac);
    if (key === null) report(null, 'sceau-invalide', 'anchor: its HMAC does not verify (forged, altered or made with another key)');
    else tally.anchor(key);
    Object.assign(position, { seq: anchor.seq, hash: anchor.hash, numero: anchor.numero });
  } else if (origin.kind === 'seal') {
    const { seal } = origin;
    const fields = { type: 'sceau' as const, writer, seq: seal.seq, hash: seal.hash, time: seal.time.toISOString(), numero: seal.numero };
    const key = writerCheckpointVerifies(sealKeys, fields, seal.hmac);
    if (key === null) report(seal.seq, 'sceau-invalide', `seal no ${seal.numero}: its HMAC does not verify (forged, altered or made with another key)`);
    // The origin: nothing sealed before it to be out of order with.
    else tally.seal(key, seal.numero);
    Object.assign(position, { seq: seal.seq, hash: seal.hash, numero: seal.numero });
  }
  let records = 0;
  let seals = 0;
  let unsealed = 0;
  let firstUnsealed: number | null = null;
  let lookups = 0;
  // After a moved record, the next one links to a hash out of place: that is the same problem, not a new one.
  let resync = false;

  /** The seq this record's content was hashed with, when it is not the one stored (a moved record), or null. */
  const writtenAs = (row: RecordRow): number | null => {
    if (lookups >= movedLookups) return null;
    lookups += 1;
    for (let seq = Math.max(1, row.seq - movedWindow); seq <= row.seq + movedWindow; seq += 1) {
      if (seq !== row.seq && chainHash(row.prevHash, seq, row.record) === row.hash) return seq;
    }
    return null;
  };

  return {
    record(row) {
      records += 1;
      unsealed += 1;
      firstUnsealed ??= row.seq;
      const expected = position.seq + 1;
      const afterMoved = resync;
      resync = false;
      if (row.seq < expected) {
        report(row.seq, 'reordonne', `record seq ${row.seq} is at or before the chain's origin (seq ${position.seq}): left behind by a purge or inserted`);
        return;
      }
      if (chainHash(row.prevHash, row.seq, row.record) !== row.hash) {
        const moved = writtenAs(row);
        if (moved === null) report(row.seq, 'altere', `record seq ${row.seq}: its content does not match its hash`);
        else {
          report(row.seq, 'reordonne', `record stored as seq ${row.seq} was written as seq ${moved}: records were moved or swapped`);
          resync = true;
        }
      } else if (typeof row.record.time !== 'string' || Date.parse(row.record.time) !== row.time.getTime()) {
        report(row.seq, 'altere', `record seq ${row.seq}: its time column differs from the time in the record`);
      } else if (row.seq > expected) {
        const range = row.seq - 1 === expected ? `record seq ${expected} is` : `records seq ${expected} to ${row.seq - 1} are`;
        report(row.seq, 'supprime', `${range} missing before record seq ${row.seq}`);
      } else if (row.prevHash !== position.hash && !afterMoved) {
        // This record is intact, so the one before was rewritten with a recomputed hash (or this one re-linked).
        if (expected === 1 || position.seq === 0) report(row.seq, 'altere', `record seq ${row.seq} does not link to the start of the chain`);
        else report(position.seq, 'altere', `record seq ${position.seq} was rewritten: record seq ${row.seq} links to another hash`);
      }
      position.seq = row.seq;
      position.hash = row.hash;
    },
    seal(row) {
      seals += 1;
      const fields = { type: 'sceau' as const, writer, seq: row.seq, hash: row.hash, time: row.time.toISOString(), numero: row.numero };
      const expected = position.numero + 1;
      position.numero = row.numero;
      const key = writerCheckpointVerifies(sealKeys, fields, row.hmac);
      const refused = key === null ? `seal no ${row.numero}: its HMAC does not verify (forged, altered or made with another key)` : tally.seal(key, row.numero);
      if (refused !== null) {
        report(row.seq, 'sceau-invalide', refused);
        return;
      }
      if (row.numero > expected) {
        report(row.seq, 'supprime', `seal${row.numero - 1 > expected ? `s no ${expected} to ${row.numero - 1} are` : ` no ${expected} is`} missing before seal no ${row.numero}`);
      } else if (row.numero < expected) {
        report(row.seq, 'reordonne', `seal no ${row.numero} comes after seal no ${expected - 1}`);
      }
      if (row.seq !== position.seq || row.hash !== position.hash) {
        const detail =
          row.seq === position.seq
            ? `seal no ${row.numero} does not match record seq ${row.seq}: that record or an earlier one was rewritten`
            : `seal no ${row.numero} seals record seq ${row.seq}, but the last record before it is seq ${position.seq}: records were removed`;
        report(row.seq, 'sceau-invalide', detail);
      }
      unsealed = 0;
      firstUnsealed = null;
    },
    end() {
      if (firstUnsealed !== null) report(firstUnsealed, 'non-scelle', `${unsealed} record(s) from seq ${firstUnsealed} on, after the last seal: not yet provably authentic`);
      return { records, seals, sealedWith: { ...tally.sealedWith }, problems, position: { ...position }, unsealed };
    },
  };
}

/**
 * Gives a verifier a writer's records (in seq order, possibly streamed) and seals (in numero
 * order), each seal right after the record it seals.
 */
export async function feedWriterRows(verifier: WriterChainVerifier, records: AsyncIterable<RecordRow> | Iterable<RecordRow>, seals: readonly SealRow[]): Promise<void> {
  let next = 0;
  for await (const row of records) {
    while (next < seals.length && seals[next]!.seq < row.seq) verifier.seal(seals[next++]!);
    verifier.record(row);
  }
  while (next < seals.length) verifier.seal(seals[next++]!);
}
