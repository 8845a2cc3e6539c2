import { createLegacyClient, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { extractionCafSchema, lotResponseSchema, statistiquesFoyersSchema, type ExtractionCaf, type Resultat, type StatistiquesFoyers } from './types';

/** Largest batch of the CAF's `allocataires/lot` endpoint. */
export const cafMaxBatch = 100;

export interface CafClient {
  /** The files of the people CAF knows among `nirs` (at most `cafMaxBatch`); the others are absent. */
  dossiersParNirs(nirs: readonly string[]): Promise<Resultat[]>;
  /** Households with a right open on the last day of `mois` (`YYYY-MM`), by commune and benefit: the CAF's own count. */
  statistiquesFoyers(mois: string): Promise<StatistiquesFoyers>;
  /** The allocataires `critere` selects on the last day of `mois` (`YYYY-MM`), with their identity: for a crossing, pseudonymised at once. */
  extraction(critere: 'RSA_OUVERT', mois: string): Promise<ExtractionCaf>;
}

export function createCafClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): CafClient {
  const client = createLegacyClient({ ...config, partenaire: 'caf', apiKeyHeader: 'X-Api-Key' });
  return {
    async dossiersParNirs(nirs) {
      return (await client.post('/api/v2/allocataires/lot', { liste_nir: nirs }, lotResponseSchema, { idempotentRead: true, kind: 'personal' })).resultats;
    },
    async statistiquesFoyers(mois) {
      return client.get('/api/v2/statistiques/foyers', statistiquesFoyersSchema, { kind: 'reference', params: { mois: mois.replace('-', ''), ventilation: 'COMMUNE,PRESTATION' } });
    },
    async extraction(critere, mois) {
      return client.get('/api/v2/statistiques/extraction', extractionCafSchema, { kind: 'callerDependent', params: { mois: mois.replace('-', ''), critere } });
    },
  };
}
