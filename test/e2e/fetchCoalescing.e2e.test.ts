import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningFederation } from '@passerelle/dev';
import { asReferent, asUsager, query, startTestFederation, testCodec, type TestCaller } from '../src/e2e/testFederation';

/**
 * Coalescing of identical in-flight gateway → subgraph fetches (gateway/src/fetch/createFetchCoalescer.ts):
 * two identical requests of one caller share the CAF subgraph's fetch; callers with different
 * rights never do; each request still gets its own answer and its own audit record. Subgraph
 * fetches are counted at the gateway's HTTP client (undici's `undici:request:create` diagnostics
 * channel), not at the legacy systems, whose clients share identical reads on their own (kit).
 * The CAF's system answers after 400 ms so that a fetch is still under way when the other
 * request's arrives; nothing here measures time.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-coalescing-'));
const journalPath = path.join(dir, 'journal.jsonl');
let federation: RunningFederation;
let cafOrigin: string;
const cafFetches: string[] = [];
const onRequest = (message: unknown) => {
  const origin = String((message as { request: { origin: unknown } }).request.origin);
  if (origin === cafOrigin) cafFetches.push(origin);
};

beforeAll(async () => {
  federation = await startTestFederation({ AUDIT_JOURNAL_PATH: journalPath, SUBGRAPH_FETCHER: 'undici', SUBGRAPH_FETCH_COALESCING: 'true' });
  cafOrigin = new URL(federation.subgraphs.get('caf')!.url).origin;
  federation.simulator.setKnobs('caf', { latencyMs: 400 });
  subscribe('undici:request:create', onRequest);
});
afterAll(async () => {
  unsubscribe('undici:request:create', onRequest);
  await federation.stop();
});
beforeEach(() => {
  cafFetches.length = 0;
});

const document = 'query DossierCaf($id: ID!) { usager(id: $id) { id caf { numeroAllocataire } } }';
const idOf = (key: 'rsa-isolee' | 'homonyme-rodez') => testCodec.encode(federation.population.persona(key).nir);
type Answer = { usager: { id: string; caf: { numeroAllocataire: string } | null } | null };
const ask = (caller: TestCaller) => query<Answer>(federation, document, { id: idOf('rsa-isolee') }, caller);

/** The journal's records of this test's operation, by request id. */
function cafReads(): Array<{ traceId: string; agent: string; usagers: string[]; lectures: Record<string, string[]> }> {
  return readFileSync(journalPath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { record?: { traceId: string; agent: string; operationName: string | null; usagers: string[]; lectures: Record<string, string[]> } })
    .flatMap((entry) => (entry.record?.operationName === 'DossierCaf' ? [entry.record] : []));
}

it('two identical requests of one caller at the same moment share one CAF fetch; each is answered and audited on its own', async () => {
  const before = cafReads().length;
  const [first, second] = await Promise.all([ask(asReferent('ref-001')), ask(asReferent('ref-001'))]);
  expect(cafFetches).toHaveLength(1);
  for (const answer of [first, second]) {
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ usager: { id: idOf('rsa-isolee'), caf: { numeroAllocataire: '0412345' } } });
  }
  const records = cafReads().slice(before);
  expect(records).toHaveLength(2);
  expect(new Set(records.map((r) => r.traceId)).size).toBe(2);
  for (const record of records) {
    expect(record.usagers).toEqual([idOf('rsa-isolee')]);
    expect(record.lectures.caf).toEqual(['DossierCaf.numeroAllocataire', 'Usager.caf']);
  }
});

it('two callers with different rights on the same usager at the same moment never share a fetch', async () => {
  const [referent, herself] = await Promise.all([ask(asReferent('ref-001')), ask(asUsager(idOf('rsa-isolee')))]);
  expect(cafFetches).toHaveLength(2);
  for (const answer of [referent, herself]) expect(answer.data).toEqual({ usager: { id: idOf('rsa-isolee'), caf: { numeroAllocataire: '0412345' } } });
});

it('a caller who may not see her, asking at the same moment as one who may, is refused and reaches no CAF fetch', async () => {
  // rsa-isolee is ref-001's: ref-007 may not see her.
  const [owner, outsider] = await Promise.all([ask(asReferent('ref-001')), ask(asReferent('ref-007'))]);
  expect(owner.data).toEqual({ usager: { id: idOf('rsa-isolee'), caf: { numeroAllocataire: '0412345' } } });
  expect(outsider.data).toEqual({ usager: null });
  expect(outsider.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usager'], 'ACCES_REFUSE']]);
  expect(outsider.raw).not.toContain('0412345');
  expect(cafFetches).toHaveLength(1);
});
