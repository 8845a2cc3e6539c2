import { defineEnv, envString, legacyEnv, readConfig, serverEnv } from '@passerelle/subgraph-kit';

/** Environment of the identity subgraph. */
export const identiteEnv = {
  ...serverEnv('IDENTITE', 4001),
  ...legacyEnv('IDENTITE', 'http://127.0.0.1:4100/sngi', 'dev-sngi-0b6f1c'),
  usagerIdSecret: defineEnv(
    'USAGER_ID_SECRET',
    'passerelle-dev-only-usager-id-secret',
    envString(16),
    'Secret sealing opaque usager ids (≥ 16 chars). Changing it changes every id. The default is for development only.',
  ),
};

export type IdentiteConfig = ReturnType<typeof loadIdentiteConfig>;

export function loadIdentiteConfig(env: NodeJS.ProcessEnv = process.env) {
  return readConfig(identiteEnv, env);
}
