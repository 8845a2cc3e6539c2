import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUsagerIdCodec } from '@passerelle/subgraph-kit';
import { fullFileQuery } from '../e2e/fullFileQuery';
import { loadGatewayConfig } from '@passerelle/gateway';
import { everyPortFree, startFederation } from '@passerelle/dev';
import { measure, type Measurement } from './measure';
import { startBaselineGateway } from './startBaselineGateway';

/**
 * `npm run bench`: the whole federation in one process on loopback, with the simulator's
 * default latency (40 ± 20 ms per legacy call), then:
 *  1. the full file of a persona read by herself, 300 requests, 10 in flight, through the
 *     gateway with every security layer and through a baseline gateway without any, on the
 *     same subgraphs, alternated: the cost of security;
 *  2. `usagers(ids:)` over 100 ids with presence at every partner, as a reception agent,
 *     20 requests, 2 in flight, with the legacy calls per system of one such request;
 *  3. the process's memory afterwards.
 * Bounded in count and in time (60 s per scenario); traffic goes to 127.0.0.1 only.
 */
const secret = 'benchmark-usager-id-secret';
const env: NodeJS.ProcessEnv = {
  ...process.env,
  USAGER_ID_SECRET: secret,
  ...everyPortFree(),
  // Its own journal: the benchmark must not contend with a running `npm start` for the lock.
  AUDIT_JOURNAL_PATH: path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-')), 'journal.jsonl'),
};

async function main() {
  const federation = await startFederation({ env });
  const codec = createUsagerIdCodec(secret);
  const subgraphUrls = [...federation.subgraphs].map(([name, server]) => `${name}=${server.url}/graphql`).join(',');
  const baseline = await startBaselineGateway(loadGatewayConfig({ ...env, SUBGRAPH_URLS: subgraphUrls }));
  const post = async (base: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { errors?: unknown[] };
    return response.status === 200 && !body.errors;
  };
  const as = async (claims: Record<string, unknown>, finalite: string) => ({ authorization: `Bearer ${await federation.identityProvider!.mint(claims, 3600)}`, 'x-passerelle-finalite': finalite });
  try {
    const id = codec.encode(federation.population.persona('rsa-isolee').nir);
    // The usager reads her own file: every partner, every security layer (token, purpose, field
    // and row authorization, objections, limits, audit record).
    const herself = await as({ sub: id, roles: ['usager'], organisation: 'usager', usager_id: id }, 'information');
    const secured = () => post(federation.gatewayUrl, fullFileQuery, { id }, herself);
    const unsecured = () => post(baseline.url, fullFileQuery, { id });
    for (const warmUp of [secured, unsecured]) if (!(await warmUp())) throw new Error('warm-up request failed');
    // Alternated halves, so that neither side profits from a warmer process.
    const rounds = [await measure(secured, 150, 10), await measure(unsecured, 150, 10), await measure(secured, 150, 10), await measure(unsecured, 150, 10)];
    const full = combine(rounds[0]!, rounds[2]!);
    const bare = combine(rounds[1]!, rounds[3]!);

    const ids = federation.population.personnes
      .filter((p) => !p.ref.startsWith('persona:'))
      .slice(0, 100)
      .map((p) => codec.encode(p.nir));
    const presenceQuery = 'query Liste($ids: [ID!]!) { usagers(ids: $ids) { id identite { nomNaissance prenoms } presencePartenaires { caf msa franceTravail cpam carsat siao bailleurs } } }';
    const reception = await as({ sub: 'bench-accueil', roles: ['accueil'], organisation: 'CD12' }, 'premier-accueil');
    federation.simulator.reset();
    await post(federation.gatewayUrl, presenceQuery, { ids }, reception);
    const callsForOne = federation.simulator.stats();
    const bulk = await measure(() => post(federation.gatewayUrl, presenceQuery, { ids }, reception), 20, 2);
    const memory = process.memoryUsage();

    const row = (name: string, m: Measurement) => `| ${name} | ${m.requests} | ${m.failures} | ${m.perSecond} | ${m.p50} | ${m.p95} | ${m.max} |`;
    const lines = [
      `Passerelle benchmark — ${new Date().toISOString()} — Node ${process.version}, ${federation.population.personnes.length} people, simulator latency ${env.SIMULATEUR_LATENCE_MS ?? 40} ± ${env.SIMULATEUR_GIGUE_MS ?? 20} ms`,
      '',
      '| Scenario | Requests | Failures | req/s | p50 ms | p95 ms | max ms |',
      '|---|---|---|---|---|---|---|',
      row('full file of a persona, with security (10 in flight)', full),
      row('same query, same subgraphs, no security layer (10 in flight)', bare),
      row('usagers(ids:) × 100 with presence at every partner, reception agent (2 in flight)', bulk),
      '',
      `Cost of security on the full-file query: ${(((bare.perSecond - full.perSecond) / bare.perSecond) * 100).toFixed(1)} % fewer requests/s, p50 +${(full.p50 - bare.p50).toFixed(1)} ms.`,
      `Legacy calls for one usagers(ids:) over 100 ids: ${JSON.stringify(callsForOne)}`,
      `Memory after the run (whole federation in one process): rss ${Math.round(memory.rss / 2 ** 20)} MiB, heap used ${Math.round(memory.heapUsed / 2 ** 20)} MiB`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await baseline.stop();
    await federation.stop();
  }
}

/** Two measurements of the same scenario as one. */
function combine(a: Measurement, b: Measurement): Measurement {
  const requests = a.requests + b.requests;
  const seconds = a.seconds + b.seconds;
  return {
    requests,
    seconds,
    perSecond: Math.round((requests / seconds) * 10) / 10,
    p50: Math.round(((a.p50 + b.p50) / 2) * 10) / 10,
    p95: Math.max(a.p95, b.p95),
    max: Math.max(a.max, b.max),
    failures: a.failures + b.failures,
  };
}

void main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${(error as Error).message}\n`);
  process.exit(1);
});
