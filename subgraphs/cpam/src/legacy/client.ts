import { createLegacyClient, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { droitsResponseSchema, type Beneficiaire } from './types';

/** Largest batch of the CPAM's `beneficiaires/droits` endpoint. */
export const cpamMaxBatch = 50;

export interface CpamClient {
  /** Coverage of the people the CPAM covers among `nirs` (at most `cpamMaxBatch`); the others are absent. */
  droitsParNirs(nirs: readonly string[]): Promise<Beneficiaire[]>;
}

export function createCpamClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): CpamClient {
  const client = createLegacyClient({ ...config, partenaire: 'cpam', apiKeyHeader: 'X-Cle-Partenaire' });
  return {
    async droitsParNirs(nirs) {
      return (await client.post('/api/v1/beneficiaires/droits', { nirs }, droitsResponseSchema, { idempotentRead: true })).beneficiaires;
    },
  };
}
