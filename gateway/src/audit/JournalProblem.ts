/**
 * Kinds of problem `verifyJournal` reports:
 * - `altere`: a record's content no longer matches its hash, or it was rewritten with a new hash;
 * - `supprime`: records or seals are missing (a gap in `seq` or in seal numbers);
 * - `reordonne`: a record or seal is out of order (moved, swapped or duplicated);
 * - `sceau-invalide`: a seal or anchor whose HMAC does not verify (forged, altered, other key),
 *   a seal made with a previous key after one made with the current key (`createSealKeyTally`),
 *   or one that does not seal the record before it;
 * - `illisible`: a line that is not a journal line (truncated, not JSON, unexpected fields);
 * - `non-scelle`: records after the last seal. A warning: they are not yet provably
 *   authentic (the journal may simply be open), and fail verification only in strict mode.
 */
export type JournalProblemKind = 'altere' | 'supprime' | 'reordonne' | 'sceau-invalide' | 'illisible' | 'non-scelle';

/** One problem found in a journal file. */
export interface JournalProblem {
  /** 1-based line number in the file (for tail checks, in the part that was read). */
  line: number;
  kind: JournalProblemKind;
  /** What is wrong, in words; never a record's content. */
  detail: string;
}
