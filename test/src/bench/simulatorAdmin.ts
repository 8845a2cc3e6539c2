import { legacySystems, type SimulatorCall } from '@passerelle/mocks';

/** The simulator's admin API (mocks/src/server/createSimulatorServer.ts): counters and knobs, per legacy system. */
export interface SimulatorAdmin {
  stats(): Promise<Record<string, number>>;
  reset(): Promise<void>;
  /** Sets every system's latency: mean and uniform jitter, in ms. */
  setLatency(latencyMs: number, jitterMs: number): Promise<void>;
  /** Sets one system's latency. */
  setSystemLatency(system: string, latencyMs: number, jitterMs: number): Promise<void>;
  /** The calls answered since the last reset: when each arrived and was answered. */
  calls(): Promise<{ calls: SimulatorCall[]; truncated: boolean }>;
}

export function simulatorAdmin(url: string): SimulatorAdmin {
  const call = async (method: string, pathname: string, body?: unknown) => {
    const response = await fetch(`${url}${pathname}`, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!response.ok) throw new Error(`simulator ${method} ${pathname}: HTTP ${response.status}`);
    return response;
  };
  return {
    stats: async () => (await (await call('GET', '/_admin/stats')).json()) as Record<string, number>,
    reset: async () => void (await call('POST', '/_admin/reset')),
    setLatency: async (latencyMs, jitterMs) => {
      await Promise.all(legacySystems.map((system) => call('PUT', `/_admin/systems/${system.name}`, { latencyMs, jitterMs })));
    },
    setSystemLatency: async (system, latencyMs, jitterMs) => void (await call('PUT', `/_admin/systems/${system}`, { latencyMs, jitterMs })),
    calls: async () => (await (await call('GET', '/_admin/calls')).json()) as { calls: SimulatorCall[]; truncated: boolean },
  };
}
