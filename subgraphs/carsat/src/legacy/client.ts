import { createLegacyClient, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { lotResponseSchema, type DossierLegacy } from './types';

/** Largest batch of the Carsat's `dossiers/lot` endpoint. */
export const carsatMaxBatch = 40;

export interface CarsatClient {
  /** The pension files of the people the fund knows among `nirs` (at most `carsatMaxBatch`); the others are absent. */
  dossiersParNirs(nirs: readonly string[]): Promise<DossierLegacy[]>;
}

export function createCarsatClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): CarsatClient {
  const client = createLegacyClient({ ...config, partenaire: 'carsat', apiKeyHeader: 'X-Api-Key' });
  return {
    async dossiersParNirs(nirs) {
      return (await client.post('/ws/retraite/v3/dossiers/lot', { nir_assures: nirs }, lotResponseSchema, { idempotentRead: true })).dossiers;
    },
  };
}
