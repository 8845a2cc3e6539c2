import { createLegacyClient, formatLegacyDate, type LegacyClientConfig, type PersonneJointure } from '@passerelle/subgraph-kit';
import {
  dossiersResponseSchema,
  extractionFranceTravailSchema,
  identificationResponseSchema,
  statistiquesDemandeursSchema,
  type DossierLegacy,
  type IdentificationLegacy,
  type StatistiquesDemandeurs,
} from './types';

/** Largest batch of both France Travail endpoints (identification and files). */
export const franceTravailMaxBatch = 50;

/** Whom step 1 identifies: a NIR and the person's complete date of birth (`YYYY-MM-DD`). */
export interface Individu {
  nir: string;
  dateNaissance: string;
}

export interface FranceTravailClient {
  /** Step 1: the identifiants of the people France Travail follows among `individus` (at most `franceTravailMaxBatch`); the others are absent. */
  identifier(individus: readonly Individu[]): Promise<IdentificationLegacy[]>;
  /** Step 2: the files of `identifiants` (at most `franceTravailMaxBatch`); unknown ones are absent. */
  dossiers(identifiants: readonly string[]): Promise<DossierLegacy[]>;
  /** Job seekers registered on the last day of `mois` (`YYYY-MM`), by category and duration of registration: France Travail's own count. */
  statistiquesDemandeurs(mois: string): Promise<StatistiquesDemandeurs>;
  /** The job seekers `critere` selects on the last day of `mois` (`YYYY-MM`), by NIR only: for a crossing, pseudonymised at once. */
  extraction(critere: 'CATEGORIE_1', mois: string): Promise<PersonneJointure[]>;
}

export function createFranceTravailClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): FranceTravailClient {
  const client = createLegacyClient({ ...config, partenaire: 'france-travail', apiKeyHeader: 'X-FT-Cle' });
  return {
    async identifier(individus) {
      const body = { individus: individus.map((i) => ({ nir: i.nir, date_naissance: formatLegacyDate(i.dateNaissance) })) };
      return (await client.post('/partenaires/v1/individus/identification', body, identificationResponseSchema, { idempotentRead: true, kind: 'personal' })).individus_identifies;
    },
    async dossiers(identifiants) {
      return (await client.post('/partenaires/v1/dossiers/lot', { identifiants }, dossiersResponseSchema, { idempotentRead: true, kind: 'personal' })).dossiers;
    },
    async statistiquesDemandeurs(mois) {
      return client.get('/partenaires/v1/statistiques/demandeurs', statistiquesDemandeursSchema, { kind: 'reference', params: { mois: mois.replace('-', ''), ventilation: 'CATEGORIE,ANCIENNETE' } });
    },
    async extraction(critere, mois) {
      const answer = await client.get('/partenaires/v1/statistiques/extraction', extractionFranceTravailSchema, { kind: 'callerDependent', params: { mois: mois.replace('-', ''), critere } });
      return answer.nirs.map((nir) => ({ nir, noms: [], prenom: '', dateNaissance: '' }));
    },
  };
}
