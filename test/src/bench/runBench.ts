import { createUsagerIdCodec } from '@passerelle/subgraph-kit';
import { fullFileQuery } from '../e2e/fullFileQuery';
import { everyPortFree } from '../federationServices';
import { startFederation } from '../startFederation';
import { measure } from './measure';

/**
 * `npm run bench`: the whole federation in one process on loopback, with the simulator's
 * default latency (40 ± 20 ms per legacy call), then:
 *  1. the full file of a persona, 300 requests, 10 in flight;
 *  2. `usagers(ids:)` over 100 ids with every partner's fields, 20 requests, 2 in flight,
 *     with the legacy calls per system of one such request;
 *  3. the process's memory afterwards.
 * Bounded in count and in time (60 s per scenario); traffic goes to 127.0.0.1 only.
 */
const secret = 'benchmark-usager-id-secret';
const env: NodeJS.ProcessEnv = {
  ...process.env,
  USAGER_ID_SECRET: secret,
  ...everyPortFree(),
};

async function main() {
  const federation = await startFederation({ env });
  const codec = createUsagerIdCodec(secret);
  const post = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${federation.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { errors?: unknown[] };
    return response.status === 200 && !body.errors;
  };
  try {
    const id = codec.encode(federation.population.persona('rsa-isolee').nir);
    await post(fullFileQuery, { id }); // warm-up: query plans, connections
    const full = await measure(() => post(fullFileQuery, { id }), 300, 10);

    const ids = federation.population.personnes.filter((p) => !p.ref.startsWith('persona:')).slice(0, 100).map((p) => codec.encode(p.nir));
    const bulkQuery = fullFileQuery.replace('query DossierComplet($id: ID!) {\n    usager(id: $id) {', 'query Liste($ids: [ID!]!) {\n    usagers(ids: $ids) {');
    federation.simulator.reset();
    await post(bulkQuery, { ids });
    const callsForOne = federation.simulator.stats();
    const bulk = await measure(() => post(bulkQuery, { ids }), 20, 2);
    const memory = process.memoryUsage();

    const lines = [
      `Passerelle benchmark — ${new Date().toISOString()} — Node ${process.version}, ${federation.population.personnes.length} people, simulator latency ${env.SIMULATEUR_LATENCE_MS ?? 40} ± ${env.SIMULATEUR_GIGUE_MS ?? 20} ms`,
      '',
      '| Scenario | Requests | Failures | req/s | p50 ms | p95 ms | max ms |',
      '|---|---|---|---|---|---|---|',
      `| full file of a persona (10 in flight) | ${full.requests} | ${full.failures} | ${full.perSecond} | ${full.p50} | ${full.p95} | ${full.max} |`,
      `| usagers(ids:) × 100, every partner (2 in flight) | ${bulk.requests} | ${bulk.failures} | ${bulk.perSecond} | ${bulk.p50} | ${bulk.p95} | ${bulk.max} |`,
      '',
      `Legacy calls for one usagers(ids:) over 100 ids: ${JSON.stringify(callsForOne)}`,
      `Memory after the run (whole federation in one process): rss ${Math.round(memory.rss / 2 ** 20)} MiB, heap used ${Math.round(memory.heapUsed / 2 ** 20)} MiB`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await federation.stop();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${(error as Error).message}\n`);
  process.exit(1);
});
