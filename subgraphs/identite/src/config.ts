import { gatewayContextEnv, legacyEnv, readConfig, serverEnv, usagerIdSecretEnv } from '@passerelle/subgraph-kit';

/** Environment of the identity subgraph. */
export const identiteEnv = {
  ...serverEnv('IDENTITE', 4001),
  ...legacyEnv('IDENTITE', 'http://127.0.0.1:4100/sngi', 'dev-sngi-0b6f1c'),
  ...usagerIdSecretEnv(),
  ...gatewayContextEnv(),
};

export type IdentiteConfig = ReturnType<typeof loadIdentiteConfig>;

export function loadIdentiteConfig(env: NodeJS.ProcessEnv = process.env) {
  return readConfig(identiteEnv, env);
}
