import type { BenchRequest, GatewayKey, Scenario } from './benchTypes';
import type { SimulatorAdmin } from './simulatorAdmin';
import type { BenchProcesses } from './startBenchProcesses';

/**
 * The latency the probe adds to every legacy call, without jitter, in ms: large beside the
 * gateways' and subgraphs' own time and its variance on a busy machine, so that the count is
 * not noise.
 */
export const probeLatencyMs = 200;

async function medianMs(url: string, requests: readonly BenchRequest[]): Promise<number> {
  const times: number[] = [];
  for (const request of requests) {
    const t0 = performance.now();
    await (await fetch(`${url}/graphql`, { method: 'POST', headers: request.headers, body: request.body })).text();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/**
 * How many legacy round trips each gateway's plan makes one after another, per scenario:
 * the same one-client requests (different usagers: nothing cached) timed with the simulator at
 * latency 0 and at a fixed 200 ms; the difference ÷ 200 ms, rounded, is the number of legacy
 * calls on the critical path, whatever the plan's shape. Leaves the simulator at latency 0.
 */
export async function measureRoundTrips(scenarios: readonly Scenario[], processes: BenchProcesses, simulator: SimulatorAdmin, perProbe: number): Promise<Map<string, Map<GatewayKey, number>>> {
  const trips = new Map<string, Map<GatewayKey, number>>();
  let cursor = 0;
  const take = (scenario: Scenario) => {
    const list = scenario.variants.different;
    const slice = Array.from({ length: perProbe }, (_, i) => list[(cursor + i) % list.length]!);
    cursor += perProbe;
    return slice;
  };
  const baseline = new Map<string, number>();
  await simulator.setLatency(0, 0);
  for (const scenario of scenarios) for (const [key, gateway] of processes.gateways) baseline.set(`${scenario.key}|${key}`, await medianMs(gateway.url, take(scenario)));
  await simulator.setLatency(probeLatencyMs, 0);
  for (const scenario of scenarios) {
    const byGateway = new Map<GatewayKey, number>();
    for (const [key, gateway] of processes.gateways) {
      const slow = await medianMs(gateway.url, take(scenario));
      byGateway.set(key, Math.max(0, Math.round((slow - baseline.get(`${scenario.key}|${key}`)!) / probeLatencyMs)));
    }
    trips.set(scenario.key, byGateway);
  }
  await simulator.setLatency(0, 0);
  return trips;
}
