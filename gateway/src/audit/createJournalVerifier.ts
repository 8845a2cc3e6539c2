import { genesisHash, parseJournalLine, type AccesLine, type AncreLine, type SceauLine } from '@passerelle/subgraph-kit/audit';
import { chainHash } from './chainHash';
import { checkpointVerifies } from './checkpointHmac';
import { createSealKeyTally } from './createSealKeyTally';
import type { JournalProblem } from './JournalProblem';
import type { SealKeyCounts, SealKeys } from './SealKeys';

/** Where the chain stands: the last record's seq and hash, and the last seal's number. */
export interface ChainPosition {
  seq: number;
  hash: string;
  numero: number;
}

/** What a verifier found once every line was given. */
export interface VerifierResult {
  records: number;
  seals: number;
  /** Seals and the anchor whose HMAC verified, by the key that made them. */
  sealedWith: SealKeyCounts;
  /** Sorted by line. */
  problems: JournalProblem[];
  /** The chain's end, from which a writer continues. */
  position: ChainPosition;
  /** Records after the last valid seal or anchor. */
  unsealed: number;
}

/** Feeds a verifier one line at a time (see `createJournalVerifier`). */
export interface JournalVerifier {
  line(text: string, lineNumber: number, terminated: boolean): void;
  end(): VerifierResult;
}

/**
 * A line-by-line checker of the hash chain and seals, shared by `verifyJournal` (the whole
 * file, from the genesis or a first-line anchor) and the journal's start-up check
 * (`resumeFromCheckpoint`: the tail of the file, from a seal or anchor trusted once its HMAC
 * verifies). Each damaged line yields one problem, and the check resynchronises after it so
 * that one edit does not cascade into a problem on every following line. A seal or anchor
 * verifies under the current key or a previous one (`SealKeys`).
 */
export function createJournalVerifier(sealKeys: SealKeys, options: { resumeFromCheckpoint?: boolean } = {}): JournalVerifier {
  const position: ChainPosition = { seq: 0, hash: genesisHash, numero: 0 };
  const problems: JournalProblem[] = [];
  // Records missing at a gap, by seq → the gap's problem: if one shows up later, the gap was a reordering.
  const missing = new Map<number, JournalProblem>();
  let records = 0;
  let seals = 0;
  let first = true;
  let lastRecordLine: number | null = null;
  let afterUnreadable = false;
  let firstUnsealedLine: number | null = null;
  let lastUnsealedLine = 0;
  let unsealed = 0;
  const tally = createSealKeyTally();

  const report = (line: number, kind: JournalProblem['kind'], detail: string): JournalProblem => {
    const problem = { line, kind, detail };
    problems.push(problem);
    return problem;
  };

  const checkpointReached = () => {
    firstUnsealedLine = null;
    unsealed = 0;
  };

  function onRecord(entry: AccesLine, lineNumber: number): void {
    records += 1;
    const resync = afterUnreadable;
    afterUnreadable = false;
    if (firstUnsealedLine === null) firstUnsealedLine = lineNumber;
    lastUnsealedLine = lineNumber;
    unsealed += 1;
    const expectedSeq = position.seq + 1;
    if (chainHash(entry.prevHash, entry.seq, entry.record) !== entry.hash) {
      report(lineNumber, 'altere', `record seq ${entry.seq}: its content does not match its hash`);
      // Trust the position rather than an edited seq; the next record links to the hash as stored.
      position.seq = entry.seq === expectedSeq ? entry.seq : expectedSeq;
      position.hash = entry.hash;
      lastRecordLine = lineNumber;
      return;
    }
    if (entry.seq < expectedSeq) {
      const gap = missing.get(entry.seq);
      if (gap !== undefined) {
        missing.delete(entry.seq);
        gap.kind = 'reordonne';
        gap.detail = `records out of order: seq ${entry.seq} expected here, found later at line ${lineNumber}`;
      } else {
        report(lineNumber, 'reordonne', `record seq ${entry.seq} comes after seq ${position.seq}: moved or duplicated`);
      }
      return;
    }
    if (entry.seq > expectedSeq && !(resync && entry.seq === expectedSeq + 1)) {
      const after = lastRecordLine === null ? 'at the start of the journal' : `after line ${lastRecordLine}`;
      const range = entry.seq - 1 === expectedSeq ? `record seq ${expectedSeq} is` : `records seq ${expectedSeq} to ${entry.seq - 1} are`;
      const gap = report(lineNumber, 'supprime', `${range} missing ${after}`);
      if (entry.seq - expectedSeq <= 100_000) for (let seq = expectedSeq; seq < entry.seq; seq += 1) missing.set(seq, gap);
    } else if (entry.seq === expectedSeq && entry.prevHash !== position.hash && !resync) {
      // This record is intact, so the one it follows was rewritten with a recomputed hash (or this one was re-linked).
      if (lastRecordLine === null) report(lineNumber, 'altere', `record seq ${entry.seq} does not link to the start of the chain`);
      else report(lastRecordLine, 'altere', `record seq ${position.seq} was rewritten: the next record (line ${lineNumber}) links to another hash`);
    }
    position.seq = entry.seq;
    position.hash = entry.hash;
    lastRecordLine = lineNumber;
  }

  function onSeal(entry: SceauLine, lineNumber: number): void {
    seals += 1;
    const key = checkpointVerifies(sealKeys, entry);
    const refused = key === null ? `seal no ${entry.numero}: its HMAC does not verify (forged, altered or made with another key)` : tally.seal(key, entry.numero);
    if (refused !== null) {
      report(lineNumber, 'sceau-invalide', refused);
      position.numero += 1;
      return;
    }
    const expected = position.numero + 1;
    if (entry.numero > expected) {
      report(lineNumber, 'supprime', `seal${entry.numero - 1 > expected ? `s no ${expected} to ${entry.numero - 1} are` : ` no ${expected} is`} missing before this seal (no ${entry.numero})`);
    } else if (entry.numero < expected) {
      report(lineNumber, 'reordonne', `seal no ${entry.numero} comes after seal no ${position.numero}: moved or duplicated`);
      return;
    } else if (afterUnreadable) {
      // An authentic seal right after an unreadable line is the best place to pick the chain up again.
      position.seq = entry.seq;
      position.hash = entry.hash;
    } else if (entry.seq !== position.seq || entry.hash !== position.hash) {
      const detail =
        entry.seq === position.seq
          ? `seal no ${entry.numero} does not match record seq ${entry.seq} before it: that record or an earlier one was rewritten`
          : `seal no ${entry.numero} seals record seq ${entry.seq}, but the record before it is seq ${position.seq}`;
      report(lineNumber, 'sceau-invalide', detail);
    }
    afterUnreadable = false;
    position.numero = entry.numero;
    checkpointReached();
  }

  function onOrigin(entry: SceauLine | AncreLine, lineNumber: number): void {
    if (entry.type === 'sceau') seals += 1;
    const key = checkpointVerifies(sealKeys, entry);
    if (key === null) {
      report(lineNumber, 'sceau-invalide', `${entry.type === 'ancre' ? 'anchor' : `seal no ${entry.numero}`}: its HMAC does not verify (forged, altered or made with another key)`);
    } else if (entry.type === 'ancre') {
      tally.anchor(key);
    } else {
      // The first line: nothing sealed before it to be out of order with.
      tally.seal(key, entry.numero);
    }
    position.seq = entry.seq;
    position.hash = entry.hash;
    position.numero = entry.numero;
    checkpointReached();
  }

  return {
    line(text, lineNumber, terminated) {
      const isFirst = first;
      first = false;
      if (!terminated) {
        report(lineNumber, 'illisible', 'incomplete last line (no end of line): an interrupted write or a truncated file');
        afterUnreadable = true;
        return;
      }
      const parsed = parseJournalLine(text);
      if (!parsed.ok) {
        report(lineNumber, 'illisible', `not a journal line: ${parsed.reason}`);
        afterUnreadable = true;
        return;
      }
      const entry = parsed.line;
      if (isFirst && (entry.type === 'ancre' || (entry.type === 'sceau' && options.resumeFromCheckpoint === true))) {
        onOrigin(entry, lineNumber);
      } else if (entry.type === 'ancre') {
        report(lineNumber, 'sceau-invalide', 'an anchor can only be the first line of the journal');
      } else if (entry.type === 'sceau') {
        onSeal(entry, lineNumber);
      } else {
        onRecord(entry, lineNumber);
      }
    },
    end() {
      if (firstUnsealedLine !== null) {
        const lines = firstUnsealedLine === lastUnsealedLine ? `line ${firstUnsealedLine}` : `lines ${firstUnsealedLine} to ${lastUnsealedLine}`;
        report(firstUnsealedLine, 'non-scelle', `${unsealed} record(s) after the last seal (${lines}): not yet provably authentic`);
      }
      return { records, seals, sealedWith: { ...tally.sealedWith }, problems: [...problems].sort((a, b) => a.line - b.line), position: { ...position }, unsealed };
    },
  };
}
