import type { ClientBase } from 'pg';
import type { ResumedChain } from '../resumeChain';
import type { SealKeys } from '../SealKeys';
import { sealKeyHint } from '../sealKeyHint';
import { createWriterChainVerifier, feedWriterRows, type ChainOrigin } from './createWriterChainVerifier';
import { readAnchor, readLastSeals, readRecords, readSeals } from './writerChainQueries';

/**
 * Checks the end of a writer's chain and returns where it continues (its genesis for a new
 * writer): from the writer's second-to-last seal (trusted once its HMAC verifies), else its
 * anchor, else its genesis, so that the last seal is itself checked against the records it
 * seals. Reads about two seals' worth of records, not the chain. Throws, naming the writer and
 * the problems, when that end does not verify: appending to a tampered chain would bury the evidence.
 * Seals made with a previous key verify (`SealKeys`): the chain continues, sealed with the current key.
 */
export async function resumeWriterChain(client: ClientBase, writer: string, sealKeys: SealKeys): Promise<ResumedChain> {
  const [, beforeLast] = await readLastSeals(client, writer, 2);
  const anchor = beforeLast === undefined ? await readAnchor(client, writer) : null;
  const origin: ChainOrigin = beforeLast !== undefined ? { kind: 'seal', seal: beforeLast } : anchor !== null ? { kind: 'anchor', anchor } : { kind: 'genesis' };
  const from = origin.kind === 'seal' ? origin.seal : origin.kind === 'anchor' ? origin.anchor : { seq: 0, numero: 0 };
  const verifier = createWriterChainVerifier(writer, sealKeys, origin);
  await feedWriterRows(verifier, readRecords(client, writer, from.seq), await readSeals(client, writer, from.numero));
  const result = verifier.end();
  const problems = result.problems.filter((problem) => problem.kind !== 'non-scelle');
  if (problems.length > 0) {
    throw new Error(
      [
        `The audit journal's chain of writer ${writer} does not verify at its end; refusing to append to it:`,
        ...problems.slice(0, 5).map((problem) => `  - ${problem.seq === null ? '' : `seq ${problem.seq}: `}${problem.kind}: ${problem.detail}`),
        ...sealKeyHint(problems),
        'Run `npm run audit:verify` for the whole report; keep the rows as evidence and give this gateway another AUDIT_WRITER_ID to start a new chain.',
      ].join('\n'),
    );
  }
  return { position: result.position, unsealed: result.unsealed };
}
