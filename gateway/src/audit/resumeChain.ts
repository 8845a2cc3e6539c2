import { createJournalVerifier, type ChainPosition } from './createJournalVerifier';
import { readJournalTail } from './readJournalTail';
import type { SealKeys } from './SealKeys';
import { sealKeyHint } from './sealKeyHint';

/** Where a reopened journal continues, and how many records the previous run left unsealed. */
export interface ResumedChain {
  position: ChainPosition;
  unsealed: number;
}

/**
 * Checks the end of an existing journal and returns where its chain continues (the genesis
 * for a missing or empty file). Throws, naming the file and the problem, when the tail does
 * not verify: appending to a broken or tampered chain would bury the evidence. Seals made with
 * a previous key verify (`SealKeys`): the journal continues, sealed with the current key.
 */
export async function resumeChain(path: string, sealKeys: SealKeys): Promise<ResumedChain> {
  const tail = await readJournalTail(path);
  const verifier = createJournalVerifier(sealKeys, { resumeFromCheckpoint: !tail.fromStart });
  tail.lines.forEach(({ text, terminated }, index) => verifier.line(text, index + 1, terminated));
  const result = verifier.end();
  const problems = result.problems.filter((problem) => problem.kind !== 'non-scelle');
  if (problems.length > 0) {
    const where = (line: number) => (tail.fromStart ? `line ${line}` : `line ${line} of the last ${tail.lines.length}`);
    const list = problems.slice(0, 5).map((problem) => `  - ${where(problem.line)}: ${problem.kind}: ${problem.detail}`);
    throw new Error(
      [
        `The audit journal ${path} does not verify at its end; refusing to append to it:`,
        ...list,
        ...sealKeyHint(problems),
        `Run \`npm run audit:verify -- --file ${path}\` for the whole report; keep the file as evidence and move it aside to start a new journal.`,
      ].join('\n'),
    );
  }
  return { position: result.position, unsealed: result.unsealed };
}
