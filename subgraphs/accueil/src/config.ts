import { gatewayContextEnv, legacyEnv, readConfig, serverEnv, usagerIdSecretEnv } from '@passerelle/subgraph-kit';

/** Environment of the reception-network subgraph (the Département's). */
export const accueilEnv = {
  ...serverEnv('ACCUEIL', 4010),
  ...legacyEnv('ACCUEIL', 'http://127.0.0.1:4100/accueil', 'dev-accueil-6d2f90'),
  ...usagerIdSecretEnv(),
  ...gatewayContextEnv(),
};

export type AccueilConfig = ReturnType<typeof loadAccueilConfig>;

export function loadAccueilConfig(env: NodeJS.ProcessEnv = process.env) {
  return readConfig(accueilEnv, env);
}
