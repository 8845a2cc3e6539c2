import { createLegacyClient, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { rechercheResponseSchema, type DossierLegacy } from './types';

/** Largest batch of the partner's `dossiers/recherche` endpoint (mocks/docs/chambres-consulaires.md). */
export const chambresConsulairesMaxBatch = 50;

export interface ChambresConsulairesClient {
  /** The files of the people the partner knows among `nirs` (at most `chambresConsulairesMaxBatch`); the others are absent. */
  dossiersParNirs(nirs: readonly string[]): Promise<DossierLegacy[]>;
}

/**
 * Typed client of the partner's REST API on the kit's legacy client (timeout, API key,
 * bounded concurrency, errors mapped to the registry's codes): every answer is validated with
 * zod, so a payload outside the documented format is PARTENAIRE_REPONSE_INVALIDE.
 */
export function createChambresConsulairesClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): ChambresConsulairesClient {
  const client = createLegacyClient({ ...config, partenaire: 'chambres-consulaires', apiKeyHeader: 'X-Cle-Api' });
  return {
    async dossiersParNirs(nirs) {
      return (await client.post('/api/v1/dossiers/recherche', { nirs }, rechercheResponseSchema)).dossiers;
    },
  };
}
