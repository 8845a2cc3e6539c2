import { asAccueil, query, startTestFederation, testCodec } from '../e2e/testFederation';
import { presenceQuery } from './buildScenarios';

/**
 * The 100-usager presence list at one client with realistic legacy latency, in one process (the
 * simulator, every subgraph, the gateway and this client): req/s, p50, and legacy calls per
 * request by system and CPU ms per request of the whole process, for the same list every time (caches warm after the first) and for a
 * different list every time (caches cold). Not the side-by-side bench (npm run bench): a quick
 * before/after figure for the legacy read caches and one-person-per-call systems.
 *
 *   npx tsx src/bench/measurePresenceList.ts            (from test/; LEGACY_CACHE=false: caches off)
 *
 * Settings (env): MESURE_SECONDES (per variant, default 20), SIMULATEUR_LATENCE_MS / _GIGUE_MS
 * (default 40 / 20), POPULATION_TAILLE (default 10000), and any subgraph variable.
 */
async function main(): Promise<void> {
  const seconds = Number(process.env.MESURE_SECONDES ?? 20);
  const federation = await startTestFederation({
    POPULATION_TAILLE: process.env.POPULATION_TAILLE ?? '10000',
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => /_LEGACY_|^LEGACY_CACHE$/.test(name))),
  });
  try {
    for (const system of Object.keys(federation.simulator.stats())) {
      federation.simulator.setKnobs(system, { latencyMs: Number(process.env.SIMULATEUR_LATENCE_MS ?? 40), jitterMs: Number(process.env.SIMULATEUR_GIGUE_MS ?? 20) });
    }
    const generated = federation.population.personnes.filter((p) => !p.ref.startsWith('persona:'));
    const lists = Array.from({ length: Math.floor(generated.length / 100) }, (_, i) => generated.slice(i * 100, i * 100 + 100).map((p) => testCodec.encode(p.nir)));
    const caller = asAccueil();
    for (const variant of ['same', 'different'] as const) {
      // Setting the knobs cleared every cache (dev/src/startFederation.ts); 'same' warms up on its first request like any client.
      federation.simulator.reset();
      const times: number[] = [];
      let errors = 0;
      const cpu = process.cpuUsage();
      const end = Date.now() + seconds * 1000;
      for (let n = 0; Date.now() < end; n++) {
        const ids = variant === 'same' ? lists[0]! : lists[(n + 1) % lists.length]!;
        const t0 = performance.now();
        const answer = await query<{ usagers: unknown[] }>(federation, presenceQuery, { ids }, caller);
        times.push(performance.now() - t0);
        if (answer.errors !== undefined || answer.data?.usagers.length !== 100) errors += 1;
      }
      const used = process.cpuUsage(cpu);
      const stats = federation.simulator.stats();
      const perRequest = Object.entries(stats)
        .filter(([, count]) => count > 0)
        .map(([system, count]) => `${system} ${(count / times.length).toFixed(1)}`)
        .join(', ');
      times.sort((a, b) => a - b);
      process.stdout.write(
        `${variant} list: ${times.length} requests in ${seconds} s = ${(times.length / seconds).toFixed(1)} req/s, p50 ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, ` +
          `CPU of the whole process ${((used.user + used.system) / 1000 / times.length).toFixed(0)} ms per request, ${errors} with errors; legacy calls per request: ${perRequest}\n`,
      );
    }
  } finally {
    await federation.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
