import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postGraphQL } from '@passerelle/mocks';
import { silentLogger, type Caller, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import { canonicalJson, genesisHash } from '@passerelle/subgraph-kit/audit';
import { createServer, loadJournalConfig } from '../src/index';

const moi = 'u_moi000000000000000000';
const autre = 'u_autre00000000000000000';
const usager = (usagerId: string | null): Caller => ({ subject: usagerId ?? 'sans-id', kind: 'usager', roles: ['usager'], organisation: 'usager', partenaire: null, referentId: null, usagerId });
const referent: Caller = { subject: 'agent-ref-001', kind: 'agent', roles: ['referent'], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null };

/** A record as the gateway writes it (`AuditRecord`): the agent's id is in it, and must never come out. */
const record = (time: string, usagers: string[], organisation: string, roles: string[], finalite: string, agent = 'agent-secret-042') => ({
  time,
  traceId: `trace-${time}`,
  agent,
  organisation,
  roles,
  finalite,
  operationName: 'Dossier',
  operationHash: 'a'.repeat(64),
  usagers,
  lectures: { caf: ['DossierCaf.droits'] },
  refus: [],
  issue: 'ok',
});

/** Journal lines chained as the gateway chains them (sha256(prevHash + canonical JSON of {seq, record})). */
function journalText(records: Array<Record<string, unknown>>): string {
  let prevHash = genesisHash;
  return records
    .map((rec, index) => {
      const seq = index + 1;
      const hash = createHash('sha256')
        .update(prevHash)
        .update(canonicalJson({ seq, record: rec }))
        .digest('hex');
      const line = JSON.stringify({ type: 'acces', seq, prevHash, hash, record: rec });
      prevHash = hash;
      return `${line}\n`;
    })
    .join('');
}

let dir: string;
let journalPath: string;
let server: RunningSubgraphServer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'passerelle-journal-'));
  journalPath = path.join(dir, 'journal.jsonl');
  server = await createServer(loadJournalConfig({ JOURNAL_PORT: '0', AUDIT_JOURNAL_PATH: journalPath }), silentLogger);
});
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await rm(journalPath, { force: true });
});

type Answer = { monJournalDesAcces: Array<Record<string, unknown>> };
const ask = (caller: Caller | null, premier?: number, selection = 'date organisation roles finalite') =>
  postGraphQL<Answer>(
    server,
    premier === undefined ? `{ monJournalDesAcces { ${selection} } }` : `query($p: Int) { monJournalDesAcces(premier: $p) { ${selection} } }`,
    premier === undefined ? {} : { p: premier },
    {
      appel: { caller, finalite: caller?.kind === 'usager' ? 'information' : 'accompagnement' },
    },
  );

describe('journal subgraph: monJournalDesAcces', () => {
  it('lists who consulted the caller’s own file, newest first, without the agent’s id or other usagers', async () => {
    await writeFile(
      journalPath,
      journalText([
        record('2025-04-10T08:00:00.000Z', [moi, autre], 'CD12', ['referent'], 'accompagnement'),
        record('2025-04-12T09:30:00.000Z', [autre], 'CPAM12', ['agent'], 'instruction'),
        record('2025-04-11T14:00:00.000Z', [moi], 'CAF12', ['agent'], 'instruction'),
      ]) + '{"type":"acces","seq":4,"truncated',
    );
    const answer = await ask(usager(moi));
    expect(answer).toEqual({
      data: {
        monJournalDesAcces: [
          { date: '2025-04-11T14:00:00.000Z', organisation: 'CAF12', roles: ['agent'], finalite: 'instruction' },
          { date: '2025-04-10T08:00:00.000Z', organisation: 'CD12', roles: ['referent'], finalite: 'accompagnement' },
        ],
      },
    });
    expect(JSON.stringify(answer)).not.toContain('agent-secret-042');
    expect(JSON.stringify(answer)).not.toContain(autre);
    expect((await ask(usager(autre))).data?.monJournalDesAcces.map((a) => a.organisation)).toEqual(['CPAM12', 'CD12']);
  });

  it('returns at most `premier` entries, the newest', async () => {
    const days = Array.from({ length: 5 }, (_, i) => record(`2025-04-0${i + 1}T10:00:00.000Z`, [moi], `ORG${i + 1}`, ['referent'], 'accompagnement'));
    await writeFile(journalPath, journalText(days));
    expect((await ask(usager(moi), 2, 'organisation')).data).toEqual({ monJournalDesAcces: [{ organisation: 'ORG5' }, { organisation: 'ORG4' }] });
    expect((await ask(usager(moi), 200, 'organisation')).data?.monJournalDesAcces).toHaveLength(5);
    expect((await ask(usager(moi), undefined, 'organisation')).data?.monJournalDesAcces).toHaveLength(5);
  });

  it.each([0, -1, 201])('refuses premier = %i with ARGUMENT_INVALIDE', async (premier) => {
    const answer = await ask(usager(moi), premier);
    expect(answer.data).toBeNull();
    expect(answer.errors?.map((e) => [e.extensions.code, e.extensions.argument])).toEqual([['ARGUMENT_INVALIDE', 'premier']]);
  });

  it('answers an empty list to a caller without a usager id (an agent, an anonymous call), and when there is no journal yet', async () => {
    await writeFile(journalPath, journalText([record('2025-04-10T08:00:00.000Z', [moi], 'CD12', ['referent'], 'accompagnement', referent.subject)]));
    expect((await ask(referent)).data).toEqual({ monJournalDesAcces: [] });
    expect((await ask(null)).data).toEqual({ monJournalDesAcces: [] });
    expect((await ask(usager(null))).data).toEqual({ monJournalDesAcces: [] });
    await rm(journalPath);
    expect((await ask(usager(moi))).data).toEqual({ monJournalDesAcces: [] });
  });

  it('takes no usager argument: the usager is always the caller', async () => {
    const answer = await postGraphQL(server, `{ monJournalDesAcces(usagerId: "${autre}") { date } }`, {}, { appel: { caller: usager(moi), finalite: 'information' } });
    expect(answer.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a direct call without the gateway’s signed context', async () => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ monJournalDesAcces { date } }' }) });
    expect(response.status).toBe(401);
  });
});
