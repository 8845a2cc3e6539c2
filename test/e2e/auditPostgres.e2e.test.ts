import { expect } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPostgresAuditJournal, migrateAuditDatabase, type AuditRecord } from '@passerelle/gateway';
import { postgresTestsRun, startThrowawayPostgres, type ThrowawayPostgres } from '@passerelle/mocks';
import { accessesForUsagerSql } from '@passerelle/subgraph-journal';
import type { RunningFederation } from '@passerelle/dev';
import { spawnService, type ChildService } from '../src/bench/spawnService';
import { runAuditCli } from '../src/e2e/runAuditCli';
import { asReferent, asUsager, query, startTestFederation, testCodec, testIdSecret, tokenFor } from '../src/e2e/testFederation';

const run = postgresTestsRun('auditPostgres.e2e');
const describeWithPostgres = run ? describe : describe.skip;

const repositoryRoot = path.resolve(__dirname, '../..');
const roles = { writer: ['gateway_app', 'passerelle_audit_writer'], reader: ['journal_app', 'passerelle_audit_reader'] } as const;
/** Requests sent to each of the two gateway processes. */
const perGateway = 60;
/** Requests in flight at once, per gateway. */
const concurrency = 6;

let server: ThrowawayPostgres;
let federation: RunningFederation;
let gateways: ChildService[] = [];
let logDir: string;
let subgraphUrls: string;
const url = (role: keyof typeof roles | 'owner') => (role === 'owner' ? server.url('audit') : server.url('audit', roles[role][0], `${role}-password`));

/** A gateway process of its own writing chain `writer` on the federation's subgraphs and the audit database; `env` adds to or overrides its environment. */
function startGateway(writer: string, env: NodeJS.ProcessEnv = {}): Promise<ChildService> {
  return spawnService({
    name: writer,
    script: path.join(repositoryRoot, 'gateway/src/main.ts'),
    env: (port) => ({
      PATH: process.env.PATH,
      GATEWAY_PORT: String(port),
      LOG_LEVEL: 'error',
      SUBGRAPH_URLS: subgraphUrls,
      OIDC_ISSUER: federation.identityProvider!.issuer,
      OIDC_JWKS_URL: federation.identityProvider!.jwksUrl,
      USAGER_ID_SECRET: testIdSecret,
      AUDIT_SINK: 'postgres',
      AUDIT_DATABASE_URL: url('writer'),
      AUDIT_WRITER_ID: writer,
      // Sealed every 25 records and on stop, never by the clock: the count of seals is exact.
      AUDIT_SEAL_EVERY: '25',
      AUDIT_SEAL_INTERVAL_MS: '86400000',
      ...env,
    }),
    readyPath: '/health',
    readyTimeoutMs: 120_000,
    logFile: path.join(logDir, `${writer}.log`),
  });
}

beforeAll(async () => {
  if (!run) return;
  logDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-pg-'));
  server = await startThrowawayPostgres();
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query('CREATE DATABASE audit');
  await admin.end();
  const owner = new pg.Client({ connectionString: url('owner') });
  await owner.connect();
  await migrateAuditDatabase(owner);
  for (const [login, group] of Object.values(roles)) await owner.query(`CREATE ROLE ${login} LOGIN PASSWORD '${login === 'gateway_app' ? 'writer' : 'reader'}-password' IN ROLE ${group}`);
  await owner.end();
  // The in-process federation: its gateway writes as gw-0, its journal subgraph reads (as the reader role would; the federation shares one environment, so the writer's URL, which may SELECT).
  federation = await startTestFederation({ AUDIT_SINK: 'postgres', AUDIT_DATABASE_URL: url('writer'), AUDIT_WRITER_ID: 'gw-0' });
  subgraphUrls = [...federation.subgraphs].map(([name, s]) => `${name}=${s.url}/graphql`).join(',');
  // Two more gateways, each its own process and chain, on the same subgraphs and database.
  gateways = await Promise.all(['gw-1', 'gw-2'].map((writer) => startGateway(writer)));
}, 240_000);

afterAll(async () => {
  if (!run) return;
  await Promise.all(gateways.map((g) => g.stop()));
  await federation?.stop();
  server?.stop();
  rmSync(logDir, { recursive: true, force: true });
});

/** The gateway's development seal key (AUDIT_SEAL_KEY unset), which the gateways of this test use. */
const devSealKey = 'passerelle-dev-only-audit-journal-seal-key';

/** Access `i` to one of 1,000 other usagers, `i` seconds after 2026-01-01. */
const otherAccess = (i: number): AuditRecord => ({
  time: new Date(Date.parse('2026-01-01T00:00:00.000Z') + i * 1000).toISOString(),
  traceId: `bulk-${i}`,
  agent: 'agent-bulk',
  organisation: 'CAF12',
  roles: ['agent'],
  finalite: 'instruction',
  operationName: 'Lecture',
  operationHash: 'a'.repeat(64),
  usagers: [`u_autre${i % 1000}`],
  lectures: { caf: ['DossierCaf.quotientFamilial'] },
  refus: [],
  issue: 'ok',
});

/** Reads a usager's file as her référent through `gatewayUrl`; returns the HTTP status and whether GraphQL answered without error. */
async function readFile(gatewayUrl: string, usagerId: string): Promise<boolean> {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(federation, asReferent('ref-001'))}`, 'x-passerelle-finalite': 'accompagnement' },
    body: JSON.stringify({ query: 'query Lecture($id: ID!) { usager(id: $id) { identite { nomNaissance } } }', variables: { id: usagerId } }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  return response.status === 200 && body.errors === undefined;
}

describeWithPostgres('the audit journal in PostgreSQL, written by several gateway processes at once', () => {
  it('keeps one verified chain per gateway, one record per request, served to the usager from the index; a tampered record is detected', async () => {
    const usagerId = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    // Both gateways under load at once, `concurrency` requests in flight each.
    const answers = await Promise.all(
      gateways.map(async (gateway) => {
        const ok: boolean[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (next < perGateway) {
              next += 1;
              ok.push(await readFile(gateway.url, usagerId));
            }
          }),
        );
        return ok;
      }),
    );
    expect(answers.map((ok) => ok.filter(Boolean).length)).toEqual([perGateway, perGateway]);

    // The usager reads her journal through the in-process gateway: the journal subgraph answers from the database.
    const mine = await query<{ monJournalDesAcces: Array<{ organisation: string; roles: string[]; finalite: string; date: string }> }>(
      federation,
      '{ monJournalDesAcces(premier: 200) { organisation roles finalite date } }',
      {},
      asUsager(usagerId),
    );
    expect(mine.errors).toBeUndefined();
    const byReferent = mine.data!.monJournalDesAcces.filter((a) => a.roles.includes('referent'));
    expect(byReferent).toHaveLength(2 * perGateway);
    expect(byReferent[0]).toEqual({ organisation: 'CD12', roles: ['referent'], finalite: 'accompagnement', date: expect.any(String) });
    const dates = byReferent.map((a) => Date.parse(a.date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    // Stopped (SIGTERM): each gateway seals its chain on the way out.
    await Promise.all(gateways.map((g) => g.stop()));
    gateways = [];
    const admin = new pg.Client({ connectionString: server.url('audit') });
    await admin.connect();
    try {
      const counts = await admin.query<{ writer_id: string; n: string }>('SELECT writer_id, count(*) AS n FROM passerelle_audit.record GROUP BY writer_id ORDER BY writer_id');
      const perWriter = Object.fromEntries(counts.rows.map((row) => [row.writer_id, Number(row.n)]));
      expect({ 'gw-1': perWriter['gw-1'], 'gw-2': perWriter['gw-2'] }).toEqual({ 'gw-1': perGateway, 'gw-2': perGateway });

      // Other usagers' accesses, as a département's journal holds: 4,000 records over 1,000 usagers, from a fourth writer.
      const bulk = await createPostgresAuditJournal({ connectionString: url('writer'), writerId: 'gw-bulk', sealKey: devSealKey, sealEvery: 100 });
      await Promise.all(Array.from({ length: 4000 }, (_, i) => bulk.append(otherAccess(i))));
      await bulk.close();

      // gw-0, the in-process gateway, still runs: its open tail is only a warning (it fails with --strict).
      const verified = await runAuditCli('verify', [], { AUDIT_SINK: 'postgres', AUDIT_DATABASE_URL: url('reader') });
      expect(verified.stderr).toBe('');
      expect(verified.status).toBe(0);
      expect(verified.stdout).toMatch(/\nWriter gw-0: records: \d+, seals: 0, problems: 1: verified\n {2}seq 1: non-scelle: /);
      expect(verified.stdout).toContain(`Writer gw-bulk: records: 4000, seals: 40, problems: 0: verified`);
      expect(verified.stdout).toMatch(/\nVerified \(records after the last seal are not yet provably authentic\)\.\n$/);
      expect(verified.stdout).toContain(`Writer gw-1: records: ${perGateway}, seals: 3, problems: 0: verified`);
      expect(verified.stdout).toContain(`Writer gw-2: records: ${perGateway}, seals: 3, problems: 0: verified`);

      // monJournalDesAcces is served by the usager index, newest first, without a sort.
      await admin.query('ANALYZE passerelle_audit.record_usager; ANALYZE passerelle_audit.record');
      const plan = await admin.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${accessesForUsagerSql}`, [usagerId, 50]);
      const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Index (Only )?Scan Backward using record_usager_pkey on record_usager u/);
      expect(text).not.toMatch(/Sort/);

      // A superuser rewrites one record of gw-2 (the append-only trigger set aside): detected, named by writer and seq.
      await admin.query('SET session_replication_role = replica');
      await admin.query(`UPDATE passerelle_audit.record SET record = jsonb_set(record, '{finalite}', '"instruction"') WHERE writer_id = 'gw-2' AND seq = 17`);
      const tampered = await runAuditCli('verify', [], { AUDIT_SINK: 'postgres', AUDIT_DATABASE_URL: url('reader') });
      expect(tampered.status).toBe(1);
      expect(tampered.stdout).toContain(`Writer gw-1: records: ${perGateway}, seals: 3, problems: 0: verified`);
      expect(tampered.stdout).toContain(`Writer gw-2: records: ${perGateway}, seals: 3, problems: 1: NOT VERIFIED\n  seq 17: altere: record seq 17: its content does not match its hash`);
    } finally {
      await admin.end();
    }
  });

  it('survives a lost connection: appends are refused and it is not writable meanwhile, then it reconnects by itself and its chain still verifies', async () => {
    const admin = new pg.Client({ connectionString: url('owner') });
    await admin.connect();
    const journal = await createPostgresAuditJournal({ connectionString: url('writer'), writerId: 'gw-reconnect', sealKey: devSealKey, sealEvery: 4, reconnectDelayMs: 50, reconnectMaxDelayMs: 200 });
    try {
      for (let i = 0; i < 5; i += 1) await journal.append(otherAccess(i));
      // The database ends the writer's session, as a failover or an administrator would.
      const ended = await admin.query<{ ended: boolean }>("SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = 'passerelle-audit gw-reconnect'");
      expect(ended.rows.map((r) => r.ended)).toEqual([true]);
      // Refused, never silently dropped, until it is back.
      const refused = await journal.append(otherAccess(5)).then(
        () => 'written',
        () => 'refused',
      );
      expect(refused).toBe('refused');
      expect(await journal.writable()).toBe(false);
      const deadline = Date.now() + 10_000;
      while (!(await journal.writable()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await journal.writable()).toBe(true);
      for (let i = 6; i < 9; i += 1) await journal.append(otherAccess(i));

      // A write refused by the database, its session still alive and holding the writer id's lock:
      // the writer ends that session, so that its new one can take the lock once writes pass again.
      await admin.query('REVOKE INSERT ON passerelle_audit.record FROM passerelle_audit_writer');
      const denied = await journal.append(otherAccess(9)).then(
        () => 'written',
        () => 'refused',
      );
      await admin.query('GRANT INSERT ON passerelle_audit.record TO passerelle_audit_writer');
      expect(denied).toBe('refused');
      const again = Date.now() + 10_000;
      while (!(await journal.writable()) && Date.now() < again) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await journal.writable()).toBe(true);
      await journal.append(otherAccess(10));
    } finally {
      await journal.close();
    }
    const count = await admin.query<{ n: string }>("SELECT count(*) AS n FROM passerelle_audit.record WHERE writer_id = 'gw-reconnect'");
    await admin.end();
    expect(Number(count.rows[0]!.n)).toBe(9);
    const verified = await runAuditCli('verify', [], { AUDIT_SINK: 'postgres', AUDIT_DATABASE_URL: url('reader') });
    expect(verified.stdout).toMatch(/\nWriter gw-reconnect: records: 9, seals: \d+, problems: 0: verified\n/);
  });

  it('rotates AUDIT_SEAL_KEY: a gateway restarted with the new key and the old one in AUDIT_SEAL_KEYS_PREVIOUS continues its chain; audit:verify counts each key, and without the old key names the seal it cannot verify', async () => {
    const usagerId = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const newKey = 'e2e-audit-seal-key-after-rotation-0123456789';
    const before = await startGateway('gw-rotation');
    try {
      for (let i = 0; i < 3; i += 1) expect(await readFile(before.url, usagerId)).toBe(true);
    } finally {
      await before.stop(); // seal no 1, with the development key
    }
    const after = await startGateway('gw-rotation', { AUDIT_SEAL_KEY: newKey, AUDIT_SEAL_KEYS_PREVIOUS: devSealKey });
    try {
      for (let i = 0; i < 2; i += 1) expect(await readFile(after.url, usagerId)).toBe(true);
    } finally {
      await after.stop(); // seal no 2, with the new key
    }
    const rotated = await runAuditCli('verify', [], { AUDIT_SINK: 'postgres', AUDIT_DATABASE_URL: url('reader'), AUDIT_SEAL_KEY: newKey, AUDIT_SEAL_KEYS_PREVIOUS: devSealKey });
    expect(rotated.stderr).toBe('');
    expect(rotated.stdout).toContain('\nWriter gw-rotation: records: 5, seals: 2, sealed with AUDIT_SEAL_KEY: 1, with AUDIT_SEAL_KEYS_PREVIOUS: 1, problems: 0: verified\n');
    const newOnly = await runAuditCli('verify', [], { AUDIT_SINK: 'postgres', AUDIT_DATABASE_URL: url('reader'), AUDIT_SEAL_KEY: newKey });
    expect(newOnly.status).toBe(1);
    expect(newOnly.stdout).toContain(
      '\nWriter gw-rotation: records: 5, seals: 2, problems: 1: NOT VERIFIED\n  seq 3: sceau-invalide: seal no 1: its HMAC does not verify (forged, altered or made with another key)\n',
    );
  });
});
