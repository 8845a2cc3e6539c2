import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import type { Bail, DemandeLogement, IdentiteDeclaree } from '../../population/types';
import { checkApiKey, fromLegacyDate, legacyError, readBody, toLegacyDate } from '../legacyHttp';
import { readExtractionQuery } from '../legacyExtraction';
import { groupBy, readStatisticsQuery } from '../legacyStatistics';
import type { LegacySystem } from '../LegacySystem';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 50;
const defaultPageSize = 100;
const maxPageSize = 200;

/** Application states as AH numbers them. */
const codeStatut = { ACTIVE: 1, PROPOSITION: 2, ATTRIBUEE: 3, RADIEE: 9 } as const satisfies Record<DemandeLogement['statut'], number>;

/** `T3` → 3 rooms: AH records the number of rooms, not the typology. */
const pieces = (typologie: Bail['typologie']) => Number(typologie.slice(1));

function toPersonne(i: IdentiteDeclaree) {
  return { nom: i.nom, prenom: i.prenom, dateNaissance: toLegacyDate(i.dateNaissance), codeInseeNaissance: i.codeLieuNaissance };
}

function toBail(b: Bail) {
  return {
    numeroBail: b.reference,
    nbPieces: pieces(b.typologie),
    surfaceM2: b.surface,
    adresse: { voie: b.adresse.ligne, codePostal: b.adresse.codePostal, commune: b.adresse.commune },
    loyerCentimes: b.loyerCents,
    chargesCentimes: b.chargesCents,
    soldeCentimes: b.soldeCents,
    nbMoisImpayes: b.moisImpayes,
    planApurement: b.planApurement
      ? { mensualiteCentimes: b.planApurement.mensualiteCents, debut: toLegacyDate(b.planApurement.dateDebut), fin: toLegacyDate(b.planApurement.dateFin), respecte: b.planApurement.respecte }
      : null,
    dateEntree: toLegacyDate(b.dateEntree),
  };
}

function toDemande(d: DemandeLogement) {
  return {
    numeroUnique: d.numeroUnique,
    dateDepot: toLegacyDate(d.dateDepot),
    dateRenouvellement: toLegacyDate(d.dateRenouvellement),
    codeStatut: codeStatut[d.statut],
    nbPiecesSouhaitees: pieces(d.typologieSouhaitee),
  };
}

/** Every AH record ("fiche") about someone born on one of the dates: one per lease holder, one per applicant. */
function fiches(population: Population, dates: readonly string[]) {
  return dates.flatMap((date) => [
    ...(population.bauxParDateNaissance.get(date) ?? [])
      .filter((b) => b.bailleur === 'ah')
      .flatMap((b) => b.titulaires.filter((t) => t.dateNaissance === date).map((t) => ({ typeFiche: 'BAIL', personne: toPersonne(t), bail: toBail(b), demande: null }))),
    ...(population.demandesParDateNaissance.get(date) ?? [])
      .filter((d) => d.bailleur === 'ah')
      .map((d) => ({ typeFiche: 'DEMANDE', personne: toPersonne(d.demandeur), bail: null, demande: toDemande(d) })),
  ]);
}

const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
const rechercheBody = z.object({
  datesNaissance: z.array(legacyDate).min(1),
  page: z.number().int().min(1).default(1),
  taillePage: z.number().int().min(1).default(defaultPageSize),
});

/** Aveyron Habitat (the departmental housing office): leases and applications of people born on up to 50 dates per call, paginated. */
export const ah: LegacySystem = {
  name: 'ah',
  prefix: '/ah',
  apiKeyHeader: 'X-AH-Token',
  devApiKey: 'dev-ah-e81f5b',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    return [
      legacyRoute.post(`${baseUrl}/occupation/v2/personnes/recherche`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rechercheBody);
        if (!read.ok) return read.response;
        const { datesNaissance, page, taillePage } = read.body;
        if (datesNaissance.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} dates de naissance par appel`);
        if (taillePage > maxPageSize) return legacyError(400, 'TAILLE_PAGE', `Au plus ${maxPageSize} résultats par page`);
        const all = fiches(population, [...new Set(datesNaissance)].map(fromLegacyDate));
        return HttpResponse.json({
          page,
          taillePage,
          nbResultats: all.length,
          nbPages: Math.max(1, Math.ceil(all.length / taillePage)),
          resultats: all.slice((page - 1) * taillePage, page * taillePage),
        });
      }),
      // Leases in arrears at the month's closing, by months unpaid; one state only in the simulation (see RAH's).
      legacyRoute.get(`${baseUrl}/occupation/v2/statistiques/impayes`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = readStatisticsQuery(request, ['NB_MOIS'] as const);
        if (!read.ok) return read.response;
        const enImpaye = population.baux.filter((b) => b.bailleur === 'ah' && b.moisImpayes > 0 && b.dateEntree <= read.dernierJour);
        const lignes = groupBy(
          enImpaye,
          read.ventilation,
          (b) => String(b.moisImpayes),
          (b) => b.soldeCents,
        );
        return HttpResponse.json({
          dateCloture: toLegacyDate(read.dernierJour),
          repartition: lignes.map((l) => ({ moisImpayes: l.dimensions.NB_MOIS === undefined ? null : Number(l.dimensions.NB_MOIS), nombreBaux: l.count, montantDu: l.amount })),
        });
      }),
      // The tenants a criterion selects at the month's closing, for a crossing (docs/statistics.md, "Crossings"):
      // `IMPAYE`, holders of a lease with at least one month unpaid, as the agents typed them (no NIR).
      legacyRoute.get(`${baseUrl}/occupation/v2/statistiques/extraction`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = readExtractionQuery(request, ['IMPAYE'] as const);
        if (!read.ok) return read.response;
        const titulaires = population.baux.filter((b) => b.bailleur === 'ah' && b.moisImpayes > 0 && b.dateEntree <= read.dernierJour).flatMap((b) => b.titulaires);
        return HttpResponse.json({
          dateCloture: toLegacyDate(read.dernierJour),
          critere: read.critere,
          personnes: titulaires.map((t) => ({ nom: t.nom, prenom: t.prenom, dateNaissance: toLegacyDate(t.dateNaissance) })),
        });
      }),
    ];
  },
};
