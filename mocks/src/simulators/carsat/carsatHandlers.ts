import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import type { DossierCarsat } from '../../population/types';
import { checkApiKey, legacyError, readBody, toLegacyDate } from '../legacyHttp';
import { readExtractionQuery } from '../legacyExtraction';
import type { LegacySystem } from '../LegacySystem';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 40;

/** File states as the pension fund codes them: contributor, pension claim being processed ("liquidation"), retired. */
const etatDossier = { ACTIF: 'COT', DEMANDE_EN_COURS: 'LIQ', RETRAITE: 'RET' } as const satisfies Record<DossierCarsat['statut'], string>;
/** Social-action aids: home help, return home after hospitalisation, meal delivery. */
const codeAide = { AIDE_MENAGERE: 'AMD', ARDH: 'ARDH', PORTAGE_REPAS: 'PRD' } as const satisfies Record<DossierCarsat['actionSociale'][number]['type'], string>;

/** A pension file as the Carsat system returns it (see mocks/docs/carsat.md). */
function toDossier(nir: string, d: DossierCarsat) {
  return {
    nir,
    nb_trimestres_valides: d.trimestresValides,
    etat_dossier: etatDossier[d.statut],
    date_effet: toLegacyDate(d.dateEffet),
    montant_mensuel_brut: d.pensionMensuelleCents,
    aspa: d.aspa ? { montant_mensuel: d.aspa.montantCents, date_debut: toLegacyDate(d.aspa.dateDebut) } : null,
    actions_sociales: d.actionSociale.map((a) => ({ code_aide: codeAide[a.type], nb_heures_mois: a.heuresMensuelles, date_debut: toLegacyDate(a.dateDebut), date_fin: toLegacyDate(a.dateFin) })),
  };
}

// NIR format only (13 characters incl. 2A/2B, then the key); the key is not checked here.
const lotBody = z.object({ nir_assures: z.array(z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/)).min(1) });

/** Carsat (pension fund, for the CNAV): batch lookup of pension files by NIR, at most 40 per call. */
export const carsat: LegacySystem = {
  name: 'carsat',
  prefix: '/carsat',
  apiKeyHeader: 'X-Api-Key',
  devApiKey: 'dev-carsat-7c3d82',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    return [
      legacyRoute.post(`${baseUrl}/ws/retraite/v3/dossiers/lot`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, lotBody);
        if (!read.ok) return read.response;
        if (read.body.nir_assures.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} NIR par appel`);
        const nirs = [...new Set(read.body.nir_assures)];
        const dossiers = nirs.flatMap((nir) => {
          const personne = population.personneParNir.get(nir);
          const dossier = personne ? population.dossierCarsatParRef.get(personne.ref) : undefined;
          return dossier ? [toDossier(nir, dossier)] : [];
        });
        return HttpResponse.json({ dossiers, nb_inconnus: nirs.length - dossiers.length });
      }),
      // The insured a criterion selects on the month's last day, for a crossing (docs/statistics.md, "Crossings"):
      // `ASPA`, the minimum old-age pension paid since that day or before. The fund knows its insured's certified identity.
      legacyRoute.get(`${baseUrl}/ws/retraite/v3/statistiques/extraction`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = readExtractionQuery(request, ['ASPA'] as const);
        if (!read.ok) return read.response;
        const assures = population.carsat.flatMap((d) => {
          const p = d.aspa !== null && d.aspa.dateDebut <= read.dernierJour ? population.personneParRef.get(d.personne) : undefined;
          return p ? [{ nir: p.nir, nom_naissance: p.nomNaissance, nom_usage: p.nomUsage, prenoms: p.prenoms, date_naissance: toLegacyDate(p.dateNaissance) }] : [];
        });
        return HttpResponse.json({ date_reference: toLegacyDate(read.dernierJour), critere: read.critere, assures });
      }),
    ];
  },
};
