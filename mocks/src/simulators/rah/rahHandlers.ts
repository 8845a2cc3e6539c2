import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import type { Bail, DemandeLogement, IdentiteDeclaree } from '../../population/types';
import { checkApiKey, fromLegacyDate, legacyError, readBody, toLegacyDate } from '../legacyHttp';
import { groupBy, readStatisticsQuery } from '../legacyStatistics';
import { readExtractionQuery } from '../legacyExtraction';
import type { LegacySystem } from '../LegacySystem';
import { legacyRoute } from '../legacyRoute';

/** Application states as RAH codes them. */
const codeStatut = { ACTIVE: 'ACT', PROPOSITION: 'PRO', ATTRIBUEE: 'ATT', RADIEE: 'RAD' } as const satisfies Record<DemandeLogement['statut'], string>;

/** A person as RAH's agents typed them: no NIR, birth place rarely filled in. */
function toIdentite(i: IdentiteDeclaree) {
  return { NOM: i.nom, PRENOM: i.prenom, DATE_NAISSANCE: toLegacyDate(i.dateNaissance), LIEU_NAISSANCE: i.codeLieuNaissance };
}

function toBail(b: Bail) {
  return {
    REF_BAIL: b.reference,
    TYPE_LGT: b.typologie,
    SURFACE_HAB: b.surface,
    ADRESSE: { LIGNE: b.adresse.ligne, CP: b.adresse.codePostal, COMMUNE: b.adresse.commune },
    LOYER: b.loyerCents,
    CHARGES: b.chargesCents,
    SOLDE: b.soldeCents,
    NB_MOIS_IMPAYES: b.moisImpayes,
    PLAN_APUREMENT: b.planApurement
      ? {
          MENSUALITE: b.planApurement.mensualiteCents,
          DATE_DEBUT: toLegacyDate(b.planApurement.dateDebut),
          DATE_FIN: toLegacyDate(b.planApurement.dateFin),
          TOP_RESPECTE: b.planApurement.respecte ? '1' : '0',
        }
      : null,
    DATE_ENTREE: toLegacyDate(b.dateEntree),
  };
}

function toDemande(d: DemandeLogement) {
  return {
    NUM_UNIQUE: d.numeroUnique,
    DATE_DEPOT: toLegacyDate(d.dateDepot),
    DATE_RENOUV: toLegacyDate(d.dateRenouvellement),
    CODE_STATUT: codeStatut[d.statut],
    TYPE_LGT_SOUHAITE: d.typologieSouhaitee,
  };
}

/**
 * RAH's tenant files for people born that day: one per tenant as typed (the landlord's own
 * file, which knows who is who), each with the leases it holds.
 */
function locataires(population: Population, date: string) {
  const files = new Map<string, { identite: IdentiteDeclaree; baux: Bail[] }>();
  for (const bail of population.bauxParDateNaissance.get(date) ?? []) {
    if (bail.bailleur !== 'rah') continue;
    for (const t of bail.titulaires.filter((t) => t.dateNaissance === date)) {
      const key = [t.personne, t.nom, t.prenom, t.codeLieuNaissance].join('|');
      files.set(key, { identite: t, baux: [...(files.get(key)?.baux ?? []), bail] });
    }
  }
  return [...files.values()].map((f) => ({ ...toIdentite(f.identite), BAUX: f.baux.map(toBail) }));
}

const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
// A list is read only to refuse it with the batch error callers of a batch API would expect.
const rechercheBody = z.object({ date_naissance: z.union([legacyDate, z.array(legacyDate).min(1)]) });

/** Rodez Agglo Habitat (the agglomeration's housing office): tenants and applicants born on one date, one call per date. */
export const rah: LegacySystem = {
  name: 'rah',
  prefix: '/rah',
  apiKeyHeader: 'X-Api-Key',
  devApiKey: 'dev-rah-4a90e7',
  maxBatchSize: 1,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    return [
      legacyRoute.post(`${baseUrl}/api/v1/occupants/recherche`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rechercheBody);
        if (!read.ok) return read.response;
        const dateNaissance = read.body.date_naissance;
        if (Array.isArray(dateNaissance)) return legacyError(413, 'LOT_TROP_GRAND', 'Une seule date de naissance par appel');
        const date = fromLegacyDate(dateNaissance);
        const demandes = (population.demandesParDateNaissance.get(date) ?? []).filter((d) => d.bailleur === 'rah');
        return HttpResponse.json({
          DATE_NAISSANCE: dateNaissance,
          LOCATAIRES: locataires(population, date),
          DEMANDEURS: demandes.map((d) => ({ ...toIdentite(d.demandeur), DEMANDE: toDemande(d) })),
        });
      }),
      // Leases in arrears at the month's arrêté, by number of months unpaid; the simulated files keep one
      // state (the observation date's), so only the leases' entry dates depend on the month.
      legacyRoute.get(`${baseUrl}/api/v1/statistiques/impayes`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = readStatisticsQuery(request, ['NB_MOIS'] as const);
        if (!read.ok) return read.response;
        const enImpaye = population.baux.filter((b) => b.bailleur === 'rah' && b.moisImpayes > 0 && b.dateEntree <= read.dernierJour);
        const lignes = groupBy(
          enImpaye,
          read.ventilation,
          (b) => String(b.moisImpayes),
          (b) => b.soldeCents,
        );
        return HttpResponse.json({
          DATE_ARRETE: toLegacyDate(read.dernierJour),
          IMPAYES: lignes.map((l) => ({ NB_MOIS_IMPAYES: l.dimensions.NB_MOIS === undefined ? null : Number(l.dimensions.NB_MOIS), NB_BAUX: l.count, SOLDE_TOTAL: l.amount })),
        });
      }),
      // The tenants a criterion selects at the month's arrêté, for a crossing (docs/statistics.md, "Crossings"):
      // `IMPAYE`, holders of a lease with at least one month unpaid, as the agents typed them (no NIR).
      legacyRoute.get(`${baseUrl}/api/v1/statistiques/extraction`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = readExtractionQuery(request, ['IMPAYE'] as const);
        if (!read.ok) return read.response;
        const titulaires = population.baux.filter((b) => b.bailleur === 'rah' && b.moisImpayes > 0 && b.dateEntree <= read.dernierJour).flatMap((b) => b.titulaires);
        return HttpResponse.json({
          DATE_ARRETE: toLegacyDate(read.dernierJour),
          CRITERE: read.critere,
          LOCATAIRES: titulaires.map((t) => ({ NOM: t.nom, PRENOM: t.prenom, DATE_NAISSANCE: toLegacyDate(t.dateNaissance) })),
        });
      }),
    ];
  },
};
