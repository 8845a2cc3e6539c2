import { gatewayContextEnv, legacyEnv, readConfig, serverEnv } from '@passerelle/subgraph-kit';

/** Environment of the France Travail subgraph. */
export const franceTravailEnv = {
  ...serverEnv('FRANCE_TRAVAIL', 4006),
  ...legacyEnv('FRANCE_TRAVAIL', 'http://127.0.0.1:4100/france-travail', 'dev-ft-3a9c47'),
  ...gatewayContextEnv(),
};

export type FranceTravailConfig = ReturnType<typeof loadFranceTravailConfig>;

export function loadFranceTravailConfig(env: NodeJS.ProcessEnv = process.env) {
  return readConfig(franceTravailEnv, env);
}
