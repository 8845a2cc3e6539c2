import { expect } from '@jest/globals';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningFederation } from '@passerelle/dev';
import { discoverSubgraphs } from '@passerelle/subgraph-kit/discovery';
import { freePort } from '../src/bench/spawnService';
import { startSpanSink, type SpanSink } from '../src/bench/startSpanSink';
import { asReferent, startTestFederation, testCodec, testIdSecret, tokenFor } from '../src/e2e/testFederation';

const repositoryRoot = path.resolve(__dirname, '../..');

let federation: RunningFederation;
let workDir: string;
let sink: SpanSink;
const children: ChildProcess[] = [];

/** Starts a bundle with plain node (no TypeScript loader), from a directory outside the repository, and waits until `url` answers 200. */
async function startBundle(bundle: string, env: NodeJS.ProcessEnv, url: string): Promise<ChildProcess> {
  let output = '';
  const child = spawn(process.execPath, [bundle], { cwd: workDir, env: { PATH: process.env.PATH, LOG_LEVEL: 'error', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${bundle} exited with ${child.exitCode}: ${output.slice(-2000)}`);
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${bundle} did not answer ${url} within 30 s: ${output.slice(-2000)}`);
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-bundle-'));
  sink = await startSpanSink();
  federation = await startTestFederation();
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await federation?.stop();
  await sink?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe('the production build (npm run bundle), run the way the images run it', () => {
  it('bundles the gateway and a subgraph; both serve from plain node with tracing on, a référent reads CAF data through them, and their spans reach the collector as one trace', async () => {
    // The README's command, by its script.
    const printed = execFileSync(process.execPath, ['--import', 'tsx', path.join(repositoryRoot, 'subgraphs/kit/src/cli/bundle.ts'), 'gateway', 'caf'], { cwd: repositoryRoot, encoding: 'utf8' });
    expect(
      printed
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(':')[0]),
    ).toEqual(['gateway', 'caf']);

    // The CAF's subgraph from its bundle, on the test federation's simulated CAF.
    const caf = discoverSubgraphs().find((subgraph) => subgraph.name === 'caf')!;
    const cafPort = await freePort();
    const legacy = Object.fromEntries(Object.entries(caf.legacy).map(([variable, system]) => [variable, federation.simulator.urlOf(system)]));
    // Tracing on, as an operator sets it (docs/observability.md); spans exported every 100 ms instead of 5 s.
    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: sink.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' };
    await startBundle(path.join(caf.dir, 'dist/main.js'), { ...legacy, ...tracing, CAF_PORT: String(cafPort) }, `http://127.0.0.1:${cafPort}/health`);

    // The gateway from its bundle; every other subgraph is the test federation's.
    const gatewayPort = await freePort();
    const subgraphUrls = [...federation.subgraphs].map(([name, s]) => `${name}=${name === 'caf' ? `http://127.0.0.1:${cafPort}` : s.url}/graphql`);
    await startBundle(
      path.join(repositoryRoot, 'gateway/dist/main.js'),
      {
        ...tracing,
        GATEWAY_PORT: String(gatewayPort),
        SUBGRAPH_URLS: subgraphUrls.join(','),
        OIDC_ISSUER: federation.identityProvider!.issuer,
        OIDC_JWKS_URL: federation.identityProvider!.jwksUrl,
        USAGER_ID_SECRET: testIdSecret,
        AUDIT_JOURNAL_PATH: path.join(workDir, 'journal.jsonl'),
      },
      `http://127.0.0.1:${gatewayPort}/ready`,
    );

    const persona = federation.population.persona('rsa-isolee');
    const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(federation, asReferent('ref-001'))}`, 'x-passerelle-finalite': 'accompagnement' },
      body: JSON.stringify({
        query: 'query Dossier($id: ID!) { usager(id: $id) { identite { nomNaissance } caf { numeroAllocataire rsa { etat } } } }',
        variables: { id: testCodec.encode(persona.nir) },
      }),
    });
    const body = (await response.json()) as { data?: { usager?: { identite?: { nomNaissance?: string }; caf?: { numeroAllocataire?: string; rsa?: { etat?: string } } } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.usager?.identite?.nomNaissance).toBe(persona.nomNaissance);
    expect(body.data?.usager?.caf?.numeroAllocataire).toMatch(/\S/);
    expect(body.data?.usager?.caf?.rsa?.etat).toMatch(/\S/);
    // Files the gateway finds beside its sources (the GraphiQL assets, the crossings' schema) are found from the bundle.
    expect((await fetch(`http://127.0.0.1:${gatewayPort}/graphiql`)).status).toBe(200);

    // The SDK each bundle loads is the kit's own (2.x), not the 1.x @apollo/gateway hoists to the
    // root node_modules: loaded from the bundle's directory, that one stopped both at start.
    const traced = (): boolean => {
      const spans = sink.spans();
      const fetchToCaf = spans.find((s) => s.service === 'gateway' && s.name === 'gateway.fetch' && s.attributes['passerelle.subgraph'] === 'caf');
      const served = fetchToCaf && spans.find((s) => s.service === 'caf' && s.name === 'subgraph request' && s.traceId === fetchToCaf.traceId);
      return served !== undefined && spans.some((s) => s.service === 'caf' && s.name === 'legacy attempt' && s.traceId === fetchToCaf!.traceId);
    };
    const deadline = Date.now() + 15_000;
    while (!traced() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(traced()).toBe(true);
    expect(sink.refused()).toBe(0);
  }, 120_000);
});
