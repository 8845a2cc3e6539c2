import type { Logger, RunningHttpServer } from '@passerelle/subgraph-kit';
import * as bailleurs from '@passerelle/subgraph-bailleurs';
import * as caf from '@passerelle/subgraph-caf';
import * as carsat from '@passerelle/subgraph-carsat';
import * as cpam from '@passerelle/subgraph-cpam';
import * as identite from '@passerelle/subgraph-identite';

/** How to start one subgraph from an environment: its port variable and which simulated system feeds which variable. */
export interface SubgraphService {
  name: string;
  portVariable: string;
  /** `<VARIABLE>: <legacy system>`: when the variable is unset, it points at that simulated system. */
  legacyUrls: Record<string, string>;
  start(env: NodeJS.ProcessEnv, logger: Logger): Promise<RunningHttpServer>;
}

/** Every subgraph of the federation, in start order. */
export const subgraphServices: readonly SubgraphService[] = [
  { name: 'identite', portVariable: 'IDENTITE_PORT', legacyUrls: { IDENTITE_LEGACY_URL: 'sngi' }, start: (env, logger) => identite.createServer(identite.loadIdentiteConfig(env), logger) },
  { name: 'caf', portVariable: 'CAF_PORT', legacyUrls: { CAF_LEGACY_URL: 'caf' }, start: (env, logger) => caf.createServer(caf.loadCafConfig(env), logger) },
  { name: 'cpam', portVariable: 'CPAM_PORT', legacyUrls: { CPAM_LEGACY_URL: 'cpam' }, start: (env, logger) => cpam.createServer(cpam.loadCpamConfig(env), logger) },
  { name: 'carsat', portVariable: 'CARSAT_PORT', legacyUrls: { CARSAT_LEGACY_URL: 'carsat' }, start: (env, logger) => carsat.createServer(carsat.loadCarsatConfig(env), logger) },
  {
    name: 'bailleurs',
    portVariable: 'BAILLEURS_PORT',
    legacyUrls: { BAILLEURS_RAH_LEGACY_URL: 'rah', BAILLEURS_AH_LEGACY_URL: 'ah' },
    start: (env, logger) => bailleurs.createServer(bailleurs.loadBailleursConfig(env), logger),
  },
];
