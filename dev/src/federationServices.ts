import { discoverSubgraphs } from '@passerelle/subgraph-kit/discovery';
import type { Logger, RunningHttpServer } from '@passerelle/subgraph-kit';

/** How to start one subgraph from an environment: its port variable and which simulated system feeds which variable. */
export interface SubgraphService {
  name: string;
  portVariable: string;
  /** `<VARIABLE>: <legacy system>`: when the variable is unset, it points at that simulated system. */
  legacyUrls: Readonly<Record<string, string>>;
  start(env: NodeJS.ProcessEnv, logger: Logger): Promise<RunningHttpServer>;
}

/**
 * Every subgraph of the repository at `root` (default: this one), discovered from the
 * `passerelle` blocks of subgraphs/<dir>/package.json, in port order (the start order).
 */
export function subgraphServices(root?: string): SubgraphService[] {
  return discoverSubgraphs(root).map((discovered) => {
    const subgraph = discovered.load();
    return {
      name: discovered.name,
      portVariable: subgraph.env.port.env,
      legacyUrls: discovered.legacy,
      start: (env, logger) => subgraph.createServer(subgraph.loadConfig(env), logger),
    };
  });
}

/** Every process of the federation on a free port (`<X>_PORT=0`): for tests and the benchmark, which must not collide with `npm start`. */
export function everyPortFree(root?: string): NodeJS.ProcessEnv {
  const variables = ['SIMULATEUR_PORT', 'GATEWAY_PORT', 'DEV_IDP_PORT', ...subgraphServices(root).map((s) => s.portVariable)];
  return Object.fromEntries(variables.map((variable) => [variable, '0']));
}
