import { defineEnv, envEnum, envInt, envNumber, envPort, envString } from '@passerelle/subgraph-kit';

/** The simulator's environment variables (one config module for the process). */
export const simulatorEnv = {
  port: defineEnv('SIMULATEUR_PORT', 4100, envPort, 'Port of the simulated legacy systems.'),
  host: defineEnv('SIMULATEUR_HOST', '127.0.0.1', envString(), 'Interface of the simulator.'),
  latencyMs: defineEnv('SIMULATEUR_LATENCE_MS', 40, envInt(0, 60_000), 'Mean time a simulated system takes to answer a call, in ms (its own work included).'),
  jitterMs: defineEnv('SIMULATEUR_GIGUE_MS', 20, envInt(0, 60_000), 'Latency jitter (uniform ±), in ms.'),
  errorRate: defineEnv('SIMULATEUR_TAUX_ERREUR', 0, envNumber(0, 1), 'Share of legacy calls answered with HTTP 500.'),
  down: defineEnv(
    'SIMULATEUR_EN_PANNE',
    [] as string[],
    (raw) =>
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    'Systems answering 503, comma-separated (e.g. `caf,rah`).',
  ),
  populationSize: defineEnv('POPULATION_TAILLE', 20_000, envInt(0, 500_000), 'Size of the synthetic population (on top of the personas).'),
  populationSeed: defineEnv('POPULATION_GRAINE', 12_202, envInt(0, 2 ** 31 - 1), 'Seed of the synthetic population.'),
  logLevel: defineEnv('LOG_LEVEL', 'info' as const, envEnum('debug', 'info', 'warn', 'error'), 'Log verbosity.'),
};
