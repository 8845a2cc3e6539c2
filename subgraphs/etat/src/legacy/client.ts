import { createLegacyClient, formatLegacyDate, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { rechercheIdentiteResponseSchema, rechercheNirResponseSchema, statistiquesDemandesSchema, type PersonneSiao, type StatistiquesDemandes } from './types';

/** Largest batch of SI-SIAO's search by NIR. */
export const siaoMaxBatch = 50;

/** What SI-SIAO's identity search takes: one person per call. */
export interface CritereIdentite {
  nomNaissance: string;
  prenom: string;
  /** `YYYY-MM-DD`, complete. */
  dateNaissance: string;
}

export interface SiaoClient {
  /** The people SI-SIAO recorded a NIR for among `nirs` (at most `siaoMaxBatch`); the others are absent. */
  personnesParNirs(nirs: readonly string[]): Promise<PersonneSiao[]>;
  /** Every candidate of SI-SIAO's wide identity search; telling them apart is the caller's job. */
  personnesParIdentite(critere: CritereIdentite): Promise<PersonneSiao[]>;
  /** Requests filed up to the last day of `mois` (`YYYY-MM`), by status and type: SI-SIAO's own count. */
  statistiquesDemandes(mois: string): Promise<StatistiquesDemandes>;
}

export function createSiaoClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): SiaoClient {
  const client = createLegacyClient({ ...config, partenaire: 'siao', apiKeyHeader: 'X-SISIAO-Cle' });
  return {
    statistiquesDemandes: (mois) =>
      client.get('/si-siao/v3/statistiques/demandes', statistiquesDemandesSchema, { kind: 'reference', params: { mois: mois.replace('-', ''), ventilation: 'STATUT,TYPE' } }),
    async personnesParNirs(nirs) {
      return (await client.post('/si-siao/v3/personnes/recherche-nir', { nirs }, rechercheNirResponseSchema, { idempotentRead: true, kind: 'personal' })).personnes;
    },
    async personnesParIdentite({ nomNaissance, prenom, dateNaissance }) {
      const body = { nom_naissance: nomNaissance, prenom, dt_naissance: formatLegacyDate(dateNaissance) };
      return (await client.post('/si-siao/v3/personnes/recherche-identite', body, rechercheIdentiteResponseSchema, { idempotentRead: true, kind: 'personal' })).personnes;
    },
  };
}
