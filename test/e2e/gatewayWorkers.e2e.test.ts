import { expect } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { RunningFederation } from '@passerelle/dev';
import { freePort } from '../src/bench/spawnService';
import { runAuditCli } from '../src/e2e/runAuditCli';
import { asReferent, query, startTestFederation, testIdSecret, tokenFor } from '../src/e2e/testFederation';

const repositoryRoot = path.resolve(__dirname, '../..');
/** Requests in all, and in flight at once. */
const total = 200;
const concurrency = 20;
/** The identity subgraph's legacy system, slowed down while the gateway is stopped, so that requests are surely under way. */
const slowSystem = 'sngi';

let federation: RunningFederation;
let workDir: string;
let gateway: ChildProcess | null = null;
let logs = '';

/** Resolves when the gateway's stdout has a line whose message is `message` (pino JSON lines). */
function logged(message: string): Promise<void> {
  const seen = () => logs.split('\n').some((line) => line.includes(`"message":"${message}"`));
  return new Promise((resolve, reject) => {
    const check = () => {
      if (seen()) {
        gateway?.stdout?.off('data', check);
        resolve();
      } else if (gateway?.exitCode !== null) reject(new Error(`the gateway exited before logging "${message}": ${logs.slice(-2000)}`));
    };
    gateway?.stdout?.on('data', check);
    check();
  });
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-workers-'));
  // No legacy cache, a bulkhead and timeout that let 20 slow identity calls run at once.
  federation = await startTestFederation({ LEGACY_CACHE: 'false', IDENTITE_LEGACY_MAX_CONCURRENCY: '64', IDENTITE_LEGACY_TIMEOUT_MS: '30000' });
}, 120_000);

afterAll(async () => {
  if (gateway && gateway.exitCode === null) gateway.kill('SIGKILL');
  await federation?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

/** Opens a new TCP connection and sends one request on it: `answered`, or the connection's error code. */
function connectOnce(port: number): Promise<string> {
  return new Promise((resolve) => {
    const request = http.request({ host: '127.0.0.1', port, path: '/health', agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve('answered'));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'other error'));
    request.end();
  });
}

type Answer = { status: number; worker: string | null; requestId: string | null; nomNaissance: unknown; errors: unknown };

describe('the gateway with two workers (GATEWAY_WORKERS=2)', () => {
  it('serves from both workers; on SIGTERM finishes every request under way, refuses new connections, seals one record per request and exits 0', async () => {
    const page = await query<{ monPortefeuille: { edges: Array<{ node: { id: string } }> } }>(
      federation,
      '{ monPortefeuille(referentId: "ref-001", premier: 40) { edges { node { id } } } }',
      {},
      asReferent('ref-001'),
    );
    const ids = page.data!.monPortefeuille.edges.map((edge) => edge.node.id);
    expect(ids).toHaveLength(40);

    const port = await freePort();
    const journal = path.join(workDir, 'journal.jsonl');
    gateway = spawn(process.execPath, ['--import', 'tsx', path.join(repositoryRoot, 'gateway/src/main.ts')], {
      env: {
        PATH: process.env.PATH,
        GATEWAY_WORKERS: '2',
        GATEWAY_PORT: String(port),
        LOG_LEVEL: 'info',
        SUBGRAPH_URLS: [...federation.subgraphs].map(([name, s]) => `${name}=${s.url}/graphql`).join(','),
        OIDC_ISSUER: federation.identityProvider!.issuer,
        OIDC_JWKS_URL: federation.identityProvider!.jwksUrl,
        USAGER_ID_SECRET: testIdSecret,
        AUDIT_JOURNAL_PATH: journal,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    gateway.stdout!.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    gateway.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => gateway!.once('exit', (code) => resolve(code)));
    await logged('gateway workers ready');

    const url = `http://127.0.0.1:${port}/graphql`;
    const token = await tokenFor(federation, asReferent('ref-001'));
    const read = async (usagerId: string): Promise<Answer> => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-passerelle-finalite': 'accompagnement' },
        body: JSON.stringify({ query: 'query Lecture($id: ID!) { usager(id: $id) { identite { nomNaissance } } }', variables: { id: usagerId } }),
      });
      // The whole body, parsed: a response cut half-way would throw here.
      const body = (await response.json()) as { data?: { usager?: { identite?: { nomNaissance?: unknown } } }; errors?: unknown };
      return {
        status: response.status,
        worker: response.headers.get('x-passerelle-worker'),
        requestId: response.headers.get('x-request-id'),
        nomNaissance: body.data?.usager?.identite?.nomNaissance,
        errors: body.errors,
      };
    };
    const complete = (answer: Answer) => answer.status === 200 && typeof answer.nomNaissance === 'string' && answer.errors === undefined;

    // 180 requests, 20 at a time, while the gateway serves normally: both workers answer.
    const before: Answer[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total - concurrency) {
          const i = next++;
          before.push(await read(ids[i % ids.length]!));
        }
      }),
    );
    expect(before.filter(complete)).toHaveLength(total - concurrency);
    expect(new Set(before.map((answer) => answer.worker))).toEqual(new Set(['1', '2']));

    // A scrape reaches one worker, which answers with both workers' metrics, summed by the primary:
    // every scrape counts every request, whichever worker it reached.
    const requestsCounted = async (): Promise<number> => {
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(200);
      return (await response.text())
        .split('\n')
        .filter((line) => /^passerelle_gateway_requests_total[{ ]/.test(line))
        .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
    };
    for (let scrape = 0; scrape < 4; scrape += 1) expect(await requestsCounted()).toBe(total - concurrency);

    // The last 20, each for another usager, held by a slow identity system: SIGTERM once all 20 are under way there.
    federation.simulator.setKnobs(slowSystem, { latencyMs: 1500 });
    const calls = () => federation.simulator.stats()[slowSystem] ?? 0;
    const callsBefore = calls();
    const inFlight = ids.slice(0, concurrency).map((id) => read(id));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (calls() - callsBefore >= concurrency) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    gateway.kill('SIGTERM');

    // Once the gateway says so, a new connection is refused: not accepted and then dropped. (On a
    // new connection each: fetch's pool would reuse a kept-alive one the gateway has just closed.)
    await logged('gateway no longer accepts connections');
    const after = await Promise.all(ids.slice(0, 3).map(() => connectOnce(port)));
    expect(after).toEqual(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);

    // Every request under way at the signal got its whole answer.
    const last = await Promise.all(inFlight);
    expect(last.map(complete)).toEqual(Array.from({ length: concurrency }, () => true));
    expect(await exited).toBe(0);
    federation.simulator.setKnobs(slowSystem, { latencyMs: 0 });

    // The primary wrote every worker's records into one chain, sealed on the way out: one record per request answered.
    const verified = await runAuditCli('verify', ['--strict'], { AUDIT_JOURNAL_PATH: journal });
    expect([verified.status, verified.stderr]).toEqual([0, '']);
    expect(verified.stdout).toContain(`Records: ${total}, seals: `);
    const recorded = readFileSync(journal, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"type":"acces"'))
      .map((line) => (JSON.parse(line) as { record: { traceId: string } }).record.traceId)
      .sort();
    expect(recorded).toEqual([...before, ...last].map((answer) => answer.requestId).sort());
    expect(new Set(recorded).size).toBe(total);
  }, 180_000);
});
