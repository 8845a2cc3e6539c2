import { createLegacyClient, formatLegacyDate, parseLegacyDate, type LegacyClientConfig, type PersonneJointure } from '@passerelle/subgraph-kit';
import { extractionRahSchema } from './extractionSchemas';
import { rechercheRahSchema, type RechercheRah } from './rahTypes';
import { statistiquesImpayesRahSchema, type ImpayesBailleur } from './statistiquesImpayesSchemas';

export interface RahClient {
  /** Tenants and applicants born on `dateNaissance` (`YYYY-MM-DD`, complete). One call: RAH has no batch endpoint. */
  occupantsNesLe(dateNaissance: string): Promise<RechercheRah>;
  /** Leases in arrears at the arrêté of `mois` (`YYYY-MM`), by months unpaid: RAH's own count. */
  impayes(mois: string): Promise<ImpayesBailleur>;
  /** The tenants `critere` selects at the arrêté of `mois` (`YYYY-MM`), as typed: for a crossing, pseudonymised at once. */
  extraction(critere: 'IMPAYE', mois: string): Promise<PersonneJointure[]>;
}

export function createRahClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): RahClient {
  const client = createLegacyClient({ ...config, partenaire: 'rah', apiKeyHeader: 'X-Api-Key' });
  return {
    occupantsNesLe: (dateNaissance) => client.post('/api/v1/occupants/recherche', { date_naissance: formatLegacyDate(dateNaissance) }, rechercheRahSchema, { idempotentRead: true, kind: 'personal' }),
    async impayes(mois) {
      const answer = await client.get('/api/v1/statistiques/impayes', statistiquesImpayesRahSchema, { kind: 'reference', params: { mois: mois.replace('-', ''), ventilation: 'NB_MOIS' } });
      return { dateReference: parseLegacyDate(answer.DATE_ARRETE), lignes: answer.IMPAYES.map((l) => ({ moisImpayes: l.NB_MOIS_IMPAYES, baux: l.NB_BAUX, montantCents: l.SOLDE_TOTAL })) };
    },
    async extraction(critere, mois) {
      const answer = await client.get('/api/v1/statistiques/extraction', extractionRahSchema, { kind: 'callerDependent', params: { mois: mois.replace('-', ''), critere } });
      return answer.LOCATAIRES.map((l) => ({ nir: null, noms: [l.NOM], prenom: l.PRENOM, dateNaissance: parseLegacyDate(l.DATE_NAISSANCE) }));
    },
  };
}
