import { createLegacyClient, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { lotResponseSchema, type AdherentLegacy } from './types';

/** Largest batch of MSA's `adherents/v1/consultation-lot` endpoint. */
export const msaMaxBatch = 100;

export interface MsaClient {
  /** The members of agricultural households among `nirs` (at most `msaMaxBatch`); the others are absent. */
  adherentsParNirs(nirs: readonly string[]): Promise<AdherentLegacy[]>;
}

export function createMsaClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): MsaClient {
  const client = createLegacyClient({ ...config, partenaire: 'msa', apiKeyHeader: 'X-Msa-Jeton' });
  return {
    async adherentsParNirs(nirs) {
      return (await client.post('/sia/adherents/v1/consultation-lot', { nirs_recherches: nirs }, lotResponseSchema, { idempotentRead: true, kind: 'personal' })).adherents;
    },
  };
}
