import { createLegacyClient, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { formatDateFr } from './formatsRegion';
import { consultationResponseSchema, type StagiaireLegacy } from './types';

/** Largest batch of the Région's `stagiaires/consultation` endpoint (mocks/docs/region.md). */
export const regionMaxBatch = 20;

/** Whom the Région identifies: a NIR and the person's complete date of birth (`YYYY-MM-DD`). */
export interface DemandeStagiaire {
  nir: string;
  dateNaissance: string;
}

export interface RegionClient {
  /** The trainees the Région knows among `demandes` (at most `regionMaxBatch`); the others are absent. */
  stagiaires(demandes: readonly DemandeStagiaire[]): Promise<StagiaireLegacy[]>;
}

/**
 * Typed client of the Région's REST API on the kit's legacy client (timeout, API key,
 * bounded concurrency, errors mapped to the registry's codes): every answer is validated with
 * zod, so a payload outside the documented format is PARTENAIRE_REPONSE_INVALIDE. NIRs travel
 * in the body only.
 */
export function createRegionClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): RegionClient {
  const client = createLegacyClient({ ...config, partenaire: 'region', apiKeyHeader: 'X-Region-Jeton' });
  return {
    async stagiaires(demandes) {
      const body = { demandes: demandes.map((d) => ({ nir: d.nir, dateNaissance: formatDateFr(d.dateNaissance) })) };
      return (await client.post('/sirf/v3/stagiaires/consultation', body, consultationResponseSchema, { idempotentRead: true, kind: 'personal' })).stagiaires;
    },
  };
}
