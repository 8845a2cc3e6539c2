import { createLegacyClient, parseLegacyDate, type LegacyClientConfig, type PersonneJointure } from '@passerelle/subgraph-kit';
import { extractionCarsatSchema, lotResponseSchema, type DossierLegacy } from './types';

/** Largest batch of the Carsat's `dossiers/lot` endpoint. */
export const carsatMaxBatch = 40;

export interface CarsatClient {
  /** The pension files of the people the fund knows among `nirs` (at most `carsatMaxBatch`); the others are absent. */
  dossiersParNirs(nirs: readonly string[]): Promise<DossierLegacy[]>;
  /** The insured `critere` selects on the last day of `mois` (`YYYY-MM`), as join identities: for a crossing, pseudonymised at once. */
  extraction(critere: 'ASPA', mois: string): Promise<PersonneJointure[]>;
}

export function createCarsatClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): CarsatClient {
  const client = createLegacyClient({ ...config, partenaire: 'carsat', apiKeyHeader: 'X-Api-Key' });
  return {
    async dossiersParNirs(nirs) {
      return (await client.post('/ws/retraite/v3/dossiers/lot', { nir_assures: nirs }, lotResponseSchema, { idempotentRead: true, kind: 'personal' })).dossiers;
    },
    async extraction(critere, mois) {
      const answer = await client.get('/ws/retraite/v3/statistiques/extraction', extractionCarsatSchema, { kind: 'callerDependent', params: { mois: mois.replace('-', ''), critere } });
      return answer.assures.map((a) => ({
        nir: a.nir,
        noms: a.nom_usage === null ? [a.nom_naissance] : [a.nom_naissance, a.nom_usage],
        prenom: a.prenoms[0] ?? '',
        dateNaissance: parseLegacyDate(a.date_naissance),
      }));
    },
  };
}
