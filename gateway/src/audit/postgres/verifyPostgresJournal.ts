import type { ClientBase } from 'pg';
import { createWriterChainVerifier, feedWriterRows, type WriterChainResult, type WriterProblem } from './createWriterChainVerifier';
import { indexProblems, readAnchor, readRecords, readSeals, writersOf } from './writerChainQueries';
import { toSealKeys, type SealKeyCounts, type SealKeys } from '../SealKeys';

/** What the verification found for one writer. */
export interface WriterVerification extends WriterChainResult {
  writer: string;
  /** No problem, or (unless strict) only the `non-scelle` warning. */
  ok: boolean;
  /** Records removed by purges (from the anchor), 0 if none. */
  purged: number;
}

/** What `verifyPostgresJournal` found: every writer's chain, verified independently. */
export interface PostgresJournalVerification {
  ok: boolean;
  records: number;
  seals: number;
  /** Every writer's `sealedWith`, added up. */
  sealedWith: SealKeyCounts;
  writers: WriterVerification[];
}

const okUnless = (problems: readonly WriterProblem[], strict: boolean) => problems.every((problem) => problem.kind === 'non-scelle' && !strict);

/**
 * Verifies one writer's chain from its origin (genesis or anchor) to its end, and the usager index
 * of its records. Every key of `sealKeys` verifies (the current and the previous ones).
 */
export async function verifyWriterChain(client: ClientBase, writer: string, sealKeys: SealKeys, strict = false): Promise<WriterVerification> {
  const anchor = await readAnchor(client, writer);
  const verifier = createWriterChainVerifier(writer, sealKeys, anchor === null ? { kind: 'genesis' } : { kind: 'anchor', anchor });
  await feedWriterRows(verifier, readRecords(client, writer), await readSeals(client, writer));
  const result = verifier.end();
  const problems = [...result.problems, ...(await indexProblems(client, writer))].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return { ...result, problems, writer, ok: okUnless(problems, strict), purged: anchor?.purges ?? 0 };
}

/**
 * Verifies the PostgreSQL audit journal: each writer's hash chain and seals independently
 * (gateway/sql/001_audit_journal.sql), in one read-only snapshot so that records written
 * meanwhile by running gateways do not show up half-way. Reads the records a page at a time.
 *
 * What it cannot detect is what `verifyJournal` says of the file journal, per writer: the
 * tail after a writer's last seal (`non-scelle`), a writer's last seals removed with the
 * records they seal, or a writer's whole chain removed (compare with the seals the gateways
 * logged: `audit journal sealed`), and anything done by someone holding AUDIT_SEAL_KEY.
 * Seals made with a previous key (AUDIT_SEAL_KEYS_PREVIOUS) verify, counted apart (`sealedWith`).
 */
export async function verifyPostgresJournal(client: ClientBase, keys: string | SealKeys, options: { strict?: boolean } = {}): Promise<PostgresJournalVerification> {
  const sealKeys = toSealKeys(keys);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const writers: WriterVerification[] = [];
    for (const writer of await writersOf(client)) writers.push(await verifyWriterChain(client, writer, sealKeys, options.strict === true));
    return {
      ok: writers.every((writer) => writer.ok),
      records: writers.reduce((sum, writer) => sum + writer.records, 0),
      seals: writers.reduce((sum, writer) => sum + writer.seals, 0),
      sealedWith: {
        current: writers.reduce((sum, writer) => sum + writer.sealedWith.current, 0),
        previous: writers.reduce((sum, writer) => sum + writer.sealedWith.previous, 0),
      },
      writers,
    };
  } finally {
    await client.query('ROLLBACK');
  }
}
