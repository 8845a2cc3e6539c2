import type { BenchRequest, GatewayKey, Scenario } from './benchTypes';
import { inferPlan, type LegacyPlan, type ObservedRun } from './inferPlan';
import type { SimulatorAdmin } from './simulatorAdmin';
import type { BenchProcesses } from './startBenchProcesses';

/**
 * The fixed latency of every legacy call while a plan is probed, and how much slower the system
 * under test is made, in ms. The delay is large beside the spread of the calls' starts within one
 * round trip (tens of ms: a dozen subgraphs woken at once on two cores), so that a call waiting
 * behind the slowed one moves by about the delay, and one that does not, by far less than half of it.
 */
export const planProbeLatencyMs = 40;
export const planProbeDelayMs = 200;

/** Sends `request` once and returns the legacy calls it made (the simulator's journal, reset first). */
async function observe(url: string, request: BenchRequest, simulator: SimulatorAdmin): Promise<ObservedRun> {
  await simulator.reset();
  const sentMs = performance.timeOrigin + performance.now();
  await (await fetch(`${url}/graphql`, { method: 'POST', headers: request.headers, body: request.body })).text();
  const { calls, truncated } = await simulator.calls();
  if (truncated) throw new Error('probePlans: the simulator journal was truncated; the plan has more calls than it keeps');
  return { sentMs, calls };
}

/**
 * Each gateway's plan of legacy calls for the first requests of each scenario's cold variant (the
 * same requests for every gateway), found by perturbation (inferPlan.ts): one request at
 * `planProbeLatencyMs` on every system, then once more per system it called, with that system
 * `planProbeDelayMs` slower. `perScenario` requests for the scenarios about one person (their
 * plans differ from one person to the next: who has a France Travail file, who has none); one for
 * the lists and the caseload, whose every request spans 50 people or more already and whose
 * probes take seconds each. One client; leaves the simulator at latency 0.
 */
export async function probePlans(scenarios: readonly Scenario[], processes: BenchProcesses, simulator: SimulatorAdmin, perScenario: number): Promise<Map<string, Map<GatewayKey, LegacyPlan[]>>> {
  const plans = new Map<string, Map<GatewayKey, LegacyPlan[]>>();
  try {
    for (const scenario of scenarios) {
      const onePerson = scenario.key === 'full-file' || scenario.key === 'search';
      const requests = scenario.variants.different.slice(0, onePerson ? perScenario : Math.min(1, perScenario));
      const byGateway = new Map<GatewayKey, LegacyPlan[]>();
      for (const [key, gateway] of processes.gateways) {
        const found: LegacyPlan[] = [];
        for (const request of requests) {
          await simulator.setLatency(planProbeLatencyMs, 0);
          const baseline = await observe(gateway.url, request, simulator);
          const perturbed = new Map<string, ObservedRun>();
          for (const system of new Set(baseline.calls.map((c) => c.system))) {
            await simulator.setSystemLatency(system, planProbeLatencyMs + planProbeDelayMs, 0);
            perturbed.set(system, await observe(gateway.url, request, simulator));
            await simulator.setSystemLatency(system, planProbeLatencyMs, 0);
          }
          found.push(inferPlan(baseline, perturbed, planProbeDelayMs));
        }
        byGateway.set(key, found);
      }
      plans.set(scenario.key, byGateway);
    }
  } finally {
    await simulator.setLatency(0, 0);
  }
  return plans;
}
