import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import type { DossierFranceTravail } from '../../population/types';
import { checkApiKey, fromLegacyDate, legacyError, readBody, toLegacyDate } from '../legacyHttp';
import { groupBy, readStatisticsQuery } from '../legacyStatistics';
import { readExtractionQuery } from '../legacyExtraction';
import type { LegacySystem } from '../LegacySystem';
import { toDossierFranceTravail } from './toDossierFranceTravail';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 50;

// NIR format only (13 characters incl. 2A/2B, then the key); the key is not checked here.
const nir = z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/);
const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
const identificationBody = z.object({ individus: z.array(z.object({ nir, date_naissance: legacyDate })).min(1) });
/** France Travail identifiers: 7 digits and a letter. */
const dossiersBody = z.object({ identifiants: z.array(z.string().regex(/^\d{7}[A-Z]$/)).min(1) });

/**
 * The file of the person with this NIR, if France Travail follows them and the date of birth is
 * theirs: a date that does not match identifies nobody, never someone else.
 */
function dossierOf(population: Population, nirDemande: string, dateNaissance: string): DossierFranceTravail | null {
  const personne = population.personneParNir.get(nirDemande);
  if (!personne || personne.dateNaissance !== fromLegacyDate(dateNaissance)) return null;
  return population.dossierFranceTravailParRef.get(personne.ref) ?? null;
}

/** Whole months from `debut` to `fin` (ISO dates). */
function moisEntre(debut: string, fin: string): number {
  const [ya, ma, da] = debut.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = fin.split('-').map(Number) as [number, number, number];
  return (yb - ya) * 12 + (mb - ma) - (db < da ? 1 : 0);
}

/** France Travail's bands of registration duration, as its statistics name them. */
function trancheAnciennete(mois: number): string {
  if (mois < 3) return '00-03';
  if (mois < 6) return '03-06';
  if (mois < 12) return '06-12';
  if (mois < 24) return '12-24';
  return '24+';
}

/**
 * France Travail: a two-step API, like the partner's. Step 1 resolves NIR + date of birth to
 * France Travail's own `identifiant`; step 2 serves the files by identifiant. Both take up to 50
 * entries per call.
 */
export const franceTravail: LegacySystem = {
  name: 'france-travail',
  prefix: '/france-travail',
  apiKeyHeader: 'X-FT-Cle',
  devApiKey: 'dev-ft-3a9c47',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    return [
      legacyRoute.post(`${baseUrl}/partenaires/v1/individus/identification`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, identificationBody);
        if (!read.ok) return read.response;
        if (read.body.individus.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} individus par appel`);
        const individus = [...new Map(read.body.individus.map((i) => [`${i.nir}|${i.date_naissance}`, i])).values()];
        const identifies = individus.flatMap((i) => {
          const dossier = dossierOf(population, i.nir, i.date_naissance);
          return dossier ? [{ nir: i.nir, date_naissance: i.date_naissance, identifiant: dossier.identifiant }] : [];
        });
        return HttpResponse.json({ individus_identifies: identifies, nb_non_identifies: individus.length - identifies.length });
      }),
      legacyRoute.post(`${baseUrl}/partenaires/v1/dossiers/lot`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, dossiersBody);
        if (!read.ok) return read.response;
        if (read.body.identifiants.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} identifiants par appel`);
        const identifiants = [...new Set(read.body.identifiants)];
        const dossiers = identifiants.flatMap((id) => {
          const dossier = population.dossierFranceTravailParIdentifiant.get(id);
          return dossier ? [toDossierFranceTravail(dossier)] : [];
        });
        return HttpResponse.json({ dossiers, identifiants_inconnus: identifiants.filter((id) => !population.dossierFranceTravailParIdentifiant.has(id)) });
      }),
      // Job seekers registered on the month's last day, by category and duration of registration on that day.
      legacyRoute.get(`${baseUrl}/partenaires/v1/statistiques/demandeurs`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = readStatisticsQuery(request, ['CATEGORIE', 'ANCIENNETE'] as const);
        if (!read.ok) return read.response;
        const inscrits = population.franceTravail.filter((d) => d.dateInscription <= read.dernierJour);
        const lignes = groupBy(
          inscrits,
          read.ventilation,
          (d, dim) => (dim === 'CATEGORIE' ? String(d.categorie) : trancheAnciennete(moisEntre(d.dateInscription, read.dernierJour))),
          () => 0,
        );
        return HttpResponse.json({
          date_reference: toLegacyDate(read.dernierJour),
          effectifs: lignes.map((l) => ({
            ...(l.dimensions.CATEGORIE === undefined ? {} : { categorie: Number(l.dimensions.CATEGORIE) }),
            ...(l.dimensions.ANCIENNETE === undefined ? {} : { tranche_anciennete: l.dimensions.ANCIENNETE }),
            nb_demandeurs: l.count,
          })),
        });
      }),
      // The job seekers a criterion selects on the month's last day, for a crossing (docs/statistics.md, "Crossings"):
      // `CATEGORIE_1`, registered in category 1 on that day.
      legacyRoute.get(`${baseUrl}/partenaires/v1/statistiques/extraction`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = readExtractionQuery(request, ['CATEGORIE_1'] as const);
        if (!read.ok) return read.response;
        const nirs = population.franceTravail.flatMap((d) => {
          const p = d.categorie === 1 && d.dateInscription <= read.dernierJour ? population.personneParRef.get(d.personne) : undefined;
          return p ? [p.nir] : [];
        });
        return HttpResponse.json({ date_reference: toLegacyDate(read.dernierJour), critere: read.critere, nirs });
      }),
    ];
  },
};
