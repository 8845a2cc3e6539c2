import { createLegacyClient, formatLegacyDate, parseLegacyDate, passerelleError, type LegacyClientConfig, type PersonneJointure } from '@passerelle/subgraph-kit';
import { extractionAhSchema } from './extractionSchemas';
import { pageAhSchema, type FicheAh } from './ahTypes';
import { statistiquesImpayesAhSchema, type ImpayesBailleur } from './statistiquesImpayesSchemas';

/** Most dates of birth AH's search accepts per call. */
export const ahMaxBatch = 50;
/** Largest page AH serves; a batch of 50 dates fits in one page unless the population is unusual. */
const defaultPageSize = 200;
/** More pages than this for 50 dates of birth is not a plausible answer: stop rather than loop. */
const maxPages = 20;

export interface AhClient {
  /** Every AH record about people born on one of `datesNaissance` (`YYYY-MM-DD`, at most `ahMaxBatch`), all pages. */
  fichesNesLes(datesNaissance: readonly string[]): Promise<FicheAh[]>;
  /** Leases in arrears at the closing of `mois` (`YYYY-MM`), by months unpaid: AH's own count. */
  impayes(mois: string): Promise<ImpayesBailleur>;
  /** The tenants `critere` selects at the closing of `mois` (`YYYY-MM`), as typed: for a crossing, pseudonymised at once. */
  extraction(critere: 'IMPAYE', mois: string): Promise<PersonneJointure[]>;
}

export interface AhClientOptions {
  /** Records asked per page. @default 200 */
  pageSize?: number;
}

export function createAhClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>, options: AhClientOptions = {}): AhClient {
  const client = createLegacyClient({ ...config, partenaire: 'ah', apiKeyHeader: 'X-AH-Token' });
  const taillePage = options.pageSize ?? defaultPageSize;
  return {
    async impayes(mois) {
      const answer = await client.get('/occupation/v2/statistiques/impayes', statistiquesImpayesAhSchema, { kind: 'reference', params: { mois: mois.replace('-', ''), ventilation: 'NB_MOIS' } });
      return { dateReference: parseLegacyDate(answer.dateCloture), lignes: answer.repartition.map((l) => ({ moisImpayes: l.moisImpayes, baux: l.nombreBaux, montantCents: l.montantDu })) };
    },
    async extraction(critere, mois) {
      const answer = await client.get('/occupation/v2/statistiques/extraction', extractionAhSchema, { kind: 'callerDependent', params: { mois: mois.replace('-', ''), critere } });
      return answer.personnes.map((p) => ({ nir: null, noms: [p.nom], prenom: p.prenom, dateNaissance: parseLegacyDate(p.dateNaissance) }));
    },
    async fichesNesLes(datesNaissance) {
      const body = { datesNaissance: datesNaissance.map(formatLegacyDate), taillePage };
      const fiches: FicheAh[] = [];
      for (let page = 1; ; page += 1) {
        if (page > maxPages) throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', `The ah system answered with more than ${maxPages} pages.`, { partenaire: 'ah' });
        const answer = await client.post('/occupation/v2/personnes/recherche', { ...body, page }, pageAhSchema, { idempotentRead: true, kind: 'personal' });
        fiches.push(...answer.resultats);
        if (page >= answer.nbPages) return fiches;
      }
    },
  };
}
