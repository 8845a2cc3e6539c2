import type { Logger, RunningHttpServer } from '@passerelle/subgraph-kit';
import * as bailleurs from '@passerelle/subgraph-bailleurs';
import * as caf from '@passerelle/subgraph-caf';
import * as carsat from '@passerelle/subgraph-carsat';
import * as cpam from '@passerelle/subgraph-cpam';
import * as accueil from '@passerelle/subgraph-accueil';
import * as departement from '@passerelle/subgraph-departement';
import * as etat from '@passerelle/subgraph-etat';
import * as franceTravail from '@passerelle/subgraph-france-travail';
import * as identite from '@passerelle/subgraph-identite';
import * as journal from '@passerelle/subgraph-journal';
import * as msa from '@passerelle/subgraph-msa';

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
  {
    name: 'france-travail',
    portVariable: 'FRANCE_TRAVAIL_PORT',
    legacyUrls: { FRANCE_TRAVAIL_LEGACY_URL: 'france-travail' },
    start: (env, logger) => franceTravail.createServer(franceTravail.loadFranceTravailConfig(env), logger),
  },
  { name: 'msa', portVariable: 'MSA_PORT', legacyUrls: { MSA_LEGACY_URL: 'msa' }, start: (env, logger) => msa.createServer(msa.loadMsaConfig(env), logger) },
  { name: 'etat', portVariable: 'ETAT_PORT', legacyUrls: { ETAT_LEGACY_URL: 'siao' }, start: (env, logger) => etat.createServer(etat.loadEtatConfig(env), logger) },
  {
    name: 'departement',
    portVariable: 'DEPARTEMENT_PORT',
    legacyUrls: { DEPARTEMENT_LEGACY_URL: 'departement' },
    start: (env, logger) => departement.createServer(departement.loadDepartementConfig(env), logger),
  },
  { name: 'accueil', portVariable: 'ACCUEIL_PORT', legacyUrls: { ACCUEIL_LEGACY_URL: 'accueil' }, start: (env, logger) => accueil.createServer(accueil.loadAccueilConfig(env), logger) },
  { name: 'journal', portVariable: 'JOURNAL_PORT', legacyUrls: {}, start: (env, logger) => journal.createServer(journal.loadJournalConfig(env), logger) },
];

/** Every process of the federation on a free port (`<X>_PORT=0`): for tests and the benchmark, which must not collide with `npm start`. */
export function everyPortFree(): NodeJS.ProcessEnv {
  const variables = ['SIMULATEUR_PORT', 'GATEWAY_PORT', 'DEV_IDP_PORT', ...subgraphServices.map((s) => s.portVariable)];
  return Object.fromEntries(variables.map((variable) => [variable, '0']));
}
