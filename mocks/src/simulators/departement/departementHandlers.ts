import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import { checkApiKey, legacyError, readBody } from '../legacyHttp';
import { groupBy, readStatisticsQuery } from '../legacyStatistics';
import type { LegacySystem } from '../LegacySystem';
import { cleUsagerPattern, codesMotif, type BeneficiaireDepartement } from './BeneficiaireDepartement';
import { commandSchemas, isNomCommande } from './commandSchemas';
import { createDepartementStore } from './createDepartementStore';
import { fichiersRsa } from './fichiersRsa';
import { legacy } from './isoDates';
import { portefeuille } from './portefeuille';
import { referentParId } from './referentsDepartement';
import { isNomStatistique, premierDuMois, statistiquesDepartement, unitesDepartement } from './statistiquesDepartement';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 100;
const maxPageSize = 100;

// A usager key: NIR format only (13 characters incl. 2A/2B, then the key, not checked here) or a provisional key `PRV` + 12 digits.
const lotBody = z.object({ nirs_beneficiaires: z.array(z.string().regex(cleUsagerPattern)).min(1) });
// Reconciliation: the provisional key, and the NIR it is now known under (a NIR only).
const rapprochementBody = z.object({ cle_provisoire: z.string().regex(/^PRV\d{12}$/), nir: z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/) });
const pageQuery = z.object({
  debut: z.coerce.number().int().min(0).default(0),
  nombre: z.coerce.number().int().min(1).default(20),
  cd_orientation: z.enum(['SOC', 'PRO', 'SOCPRO']).nullable().default(null),
  etat_dossier: z.enum(['0', '1', '2', '3', '4', '5', '6']).nullable().default(null),
  cd_motif: z.enum(codesMotif).nullable().default(null),
});
const cleIdempotence = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The Département's social-care system: the RSA files it receives monthly from CAF and MSA,
 * every usager's parcours (RSA or not), référents de parcours and support teams, the shared file
 * and objections, keyed on the NIR or a provisional key until reconciled. The only simulator with
 * state: what the agency writes is kept, per simulator instance, and served back.
 */
export const departement: LegacySystem = {
  name: 'departement',
  prefix: '/departement',
  apiKeyHeader: 'X-Cd12-Cle',
  devApiKey: 'dev-cd12-8f3a40',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    const store = createDepartementStore(population);
    // The RSA right's opening date, as the monthly CAF/MSA flux gives it: kept by the system for its statistics, not served per file.
    const droitOuvertLe = new Map(fichiersRsa(population).map((f) => [f.personne.nir, legacy(f.droit.dateDebut)]));
    return [
      legacyRoute.post(`${baseUrl}/api/rsa/v1/beneficiaires/lot`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, lotBody);
        if (!read.ok) return read.response;
        if (read.body.nirs_beneficiaires.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} NIR par appel`);
        const nirs = [...new Set(read.body.nirs_beneficiaires)];
        const found = nirs.map((nir) => store.beneficiaire(nir)).filter((b): b is BeneficiaireDepartement => b !== undefined);
        return HttpResponse.json({ beneficiaires: found, nb_inconnus: nirs.length - found.length });
      }),
      legacyRoute.get(`${baseUrl}/api/rsa/v1/referents/:idReferent/portefeuille`, ({ request, params }) => {
        const denied = auth(request);
        if (denied) return denied;
        const query = pageQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
        if (!query.success) return legacyError(400, 'REQUETE_INVALIDE', `Paramètre invalide : ${query.error.issues[0]?.path.join('.') ?? '?'}`);
        const { debut, nombre, ...filtres } = query.data;
        if (nombre > maxPageSize) return legacyError(400, 'TAILLE_PAGE', `Au plus ${maxPageSize} bénéficiaires par page`);
        const idReferent = String(params.idReferent);
        if (!referentParId.has(idReferent)) return legacyError(404, 'REFERENT_INCONNU', 'Référent inconnu');
        const all = portefeuille(store.beneficiaires(), idReferent, filtres);
        return HttpResponse.json({ id_referent: idReferent, total: all.length, debut, nombre, beneficiaires: all.slice(debut, debut + nombre) });
      }),
      legacyRoute.post(`${baseUrl}/api/rsa/v1/commandes/:commande`, async ({ request, params }) => {
        const denied = auth(request);
        if (denied) return denied;
        const commande = String(params.commande);
        if (!isNomCommande(commande)) return legacyError(404, 'COMMANDE_INCONNUE', 'Commande inconnue');
        const cle = request.headers.get('Idempotency-Key');
        if (cle !== null && !cleIdempotence.test(cle)) return legacyError(400, 'CLE_IDEMPOTENCE_INVALIDE', "Clé d'idempotence invalide (1 à 64 lettres, chiffres, - ou _)");
        const read = await readBody(request, commandSchemas[commande]);
        if (!read.ok) return read.response;
        const reponse = store.executer(commande, read.body, cle);
        return HttpResponse.json(reponse.body as Record<string, unknown>, { status: reponse.status, headers: reponse.rejeu ? { 'X-Rejeu': 'O' } : {} });
      }),
      // The system's own statistics: units of the month grouped by the dimensions asked (mocks/docs/departement.md).
      legacyRoute.get(`${baseUrl}/api/rsa/v1/statistiques/:statistique`, ({ request, params }) => {
        const denied = auth(request);
        if (denied) return denied;
        const nom = String(params.statistique);
        if (!isNomStatistique(nom)) return legacyError(404, 'STATISTIQUE_INCONNUE', 'Statistique inconnue');
        const read = readStatisticsQuery(request, statistiquesDepartement[nom]);
        if (!read.ok) return read.response;
        const unites = unitesDepartement(nom, store.beneficiaires(), premierDuMois(read.dernierJour), legacy(read.dernierJour), droitOuvertLe);
        const lignes = groupBy(
          unites,
          read.ventilation,
          (u, d) => u[d] ?? '',
          () => 0,
        );
        return HttpResponse.json({ dt_reference: legacy(read.dernierJour), lignes: lignes.map((l) => ({ ...l.dimensions, nb: l.count })) });
      }),
      legacyRoute.post(`${baseUrl}/api/rsa/v1/rapprochements`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rapprochementBody);
        if (!read.ok) return read.response;
        return HttpResponse.json(store.rapprocher(read.body.cle_provisoire, read.body.nir));
      }),
    ];
  },
};
