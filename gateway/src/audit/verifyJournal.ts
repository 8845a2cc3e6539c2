import { stat } from 'node:fs/promises';
import { readJournalLines } from '@passerelle/subgraph-kit/audit';
import { createJournalVerifier } from './createJournalVerifier';
import type { JournalProblem } from './JournalProblem';
import { toSealKeys, type SealKeyCounts, type SealKeys } from './SealKeys';

/** What `verifyJournal` found. */
export interface JournalVerification {
  /** No problem, or (unless strict) only the `non-scelle` warning. */
  ok: boolean;
  records: number;
  /** Seal lines met, valid or not (the anchor is not counted). */
  seals: number;
  /** Seals and the anchor whose HMAC verified, by the key that made them (AUDIT_SEAL_KEY or one of AUDIT_SEAL_KEYS_PREVIOUS). */
  sealedWith: SealKeyCounts;
  /** Sorted by line. */
  problems: JournalProblem[];
}

/**
 * Verifies a whole journal file, streaming it.
 *
 * What it detects:
 * - a record edited in place (its hash no longer matches its content): `altere`;
 * - a record edited and re-hashed: the next record links to the old hash (`altere` on the
 *   edited record), or, when every later record was re-hashed too, the next seal no longer
 *   seals the last record (`sceau-invalide`): the hash chain alone is public arithmetic,
 *   the seals' HMAC under AUDIT_SEAL_KEY is what an intruder cannot recompute;
 * - records removed (a gap in `seq`): `supprime`; seals removed (a gap in seal numbers):
 *   `supprime` on the next seal; records from the start removed without a valid anchor;
 * - records moved or swapped (`seq` going backwards): `reordonne`;
 * - a seal or anchor forged, altered or made with another key: `sceau-invalide`;
 * - a line that is not a journal line (truncated, not JSON, an extra field): `illisible`.
 *
 * What it cannot detect, and what bounds it:
 * - the tail after the last seal: records there can be removed, or appended by anyone who
 *   can write the file and recompute sha256, without a trace. They are reported as
 *   `non-scelle` (a warning, an error with `strict`). The journal seals every
 *   AUDIT_SEAL_EVERY records, every AUDIT_SEAL_INTERVAL_MS when records were added and on
 *   close, so a cleanly closed journal ends with a seal and the exposed tail of a running
 *   one is at most that many records or that long;
 * - a truncation exactly after a seal (the last seals and their records gone): the file is
 *   self-consistent. Each seal is also logged (`audit journal sealed`, with its number, seq
 *   and hash) by the gateway, whose logs are kept elsewhere: compare the last seal logged
 *   with the file's;
 * - the whole file replaced by an older copy of itself: same remedy;
 * - anything done by someone holding AUDIT_SEAL_KEY, who can re-seal a rewritten journal.
 *   The key must live only in the gateway's secret store. A previous key (AUDIT_SEAL_KEYS_PREVIOUS)
 *   still verifies the seals it made, but a seal it made after one of the current key's is
 *   `sceau-invalide`: whoever holds a replaced key can no longer seal what follows the rotation.
 */
export async function verifyJournal(path: string, sealKeys: string | SealKeys, options: { strict?: boolean } = {}): Promise<JournalVerification> {
  await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new Error(`No audit journal at ${path}`) : error;
  });
  const verifier = createJournalVerifier(toSealKeys(sealKeys));
  for await (const { text, line, terminated } of readJournalLines(path)) verifier.line(text, line, terminated);
  const { records, seals, sealedWith, problems } = verifier.end();
  const ok = problems.every((problem) => problem.kind === 'non-scelle' && options.strict !== true);
  return { ok, records, seals, sealedWith, problems };
}
