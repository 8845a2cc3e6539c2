import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import type { DossierCaf, DroitCaf, PaiementCaf, Personne } from '../../population/types';
import { checkApiKey, legacyError, readBody, toLegacyDate } from '../legacyHttp';
import { readExtractionQuery } from '../legacyExtraction';
import { groupBy, readStatisticsQuery } from '../legacyStatistics';
import type { LegacySystem } from '../LegacySystem';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 100;

/** A yes/no flag ("top") as the CNAF flux spells it: `"1"` yes, `"0"` no. */
const top = (flag: boolean | undefined) => (flag ? '1' : '0');

/** A right as the CAF system returns it (see mocks/docs/caf.md); only RSA carries `DETAIL_RSA`. */
function toDroit(d: DroitCaf) {
  return {
    CODE_PRESTATION: d.prestation,
    MONTANT_MENSUEL: d.montantCents,
    DATE_DEBUT: toLegacyDate(d.dateDebut),
    DETAIL_RSA: d.prestation === 'RSA' ? { ETATDOSRSA: String(d.etatRsa ?? 0), TOP_MAJORATION: top(d.majore), TOPPERSDRDEF: top(d.soumisDroitsDevoirs) } : null,
  };
}

function toPaiement(p: PaiementCaf) {
  return { DATE_PAIEMENT: toLegacyDate(p.date), CODE_PRESTATION: p.prestation, MONTANT: p.montantCents };
}

/** The household file, the same whichever of its adults is asked for. */
function toDossier(d: DossierCaf, population: Population) {
  const enfants = d.enfants.map((ref) => population.personneParRef.get(ref)).filter((p): p is Personne => p !== undefined);
  return {
    NUMALLOC: d.numeroAllocataire,
    CODE_POSTAL: d.codePostal,
    NB_ADULTES: d.conjoint === null ? 1 : 2,
    ENFANTS: enfants.map((e) => ({ PRENOM: e.prenoms[0] ?? '', DATE_NAISSANCE: toLegacyDate(e.dateNaissance) })),
    QF: d.quotientFamilial,
    DROITS: d.droits.map(toDroit),
    PAIEMENTS: d.paiements.map(toPaiement),
  };
}

/** The CAF file of a person, when CAF manages it: people under the agricultural regime depend on MSA. */
function dossierOf(nir: string, population: Population): { personne: Personne; dossier: DossierCaf } | null {
  const personne = population.personneParNir.get(nir);
  if (!personne || personne.regime === 'AGRICOLE') return null;
  const dossier = population.dossierCafParRef.get(personne.ref);
  return dossier ? { personne, dossier } : null;
}

// NIR format only (13 characters incl. 2A/2B, then the key); the key is not checked here.
const lotBody = z.object({ liste_nir: z.array(z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/)).min(1) });

/** ETATDOSRSA codes of an open RSA right: paid, suspended, payment suspended. */
const rsaOuvert = new Set([2, 3, 4]);

/**
 * The rights open on `jour` in every household file, each with its household's commune: what the
 * statistics endpoint counts. The simulated files keep no closed rights, so a right is open from
 * its start; an RSA right only in an open state.
 */
function droitsOuverts(population: Population, jour: string) {
  return population.caf.flatMap((dossier) => {
    const commune = population.personneParRef.get(dossier.allocataire)?.adresse.codeInsee ?? '';
    return dossier.droits.filter((d) => d.dateDebut <= jour && (d.prestation !== 'RSA' || rsaOuvert.has(d.etatRsa ?? 0))).map((droit) => ({ commune, droit }));
  });
}

/**
 * The allocataires (each household's responsible person, so one per household) a statistics
 * criterion selects on `jour`, with the identity the CAF holds (certified against the RNIPP):
 * what its extraction endpoint returns for a crossing (docs/statistics.md, "Crossings").
 * `RSA_OUVERT`: a household with an RSA right open (states 2–4) on that day.
 */
function allocatairesSelectionnes(population: Population, jour: string) {
  return population.caf
    .filter((dossier) => dossier.droits.some((d) => d.prestation === 'RSA' && d.dateDebut <= jour && rsaOuvert.has(d.etatRsa ?? 0)))
    .flatMap((dossier) => {
      const p = population.personneParRef.get(dossier.allocataire);
      return p ? [{ NIR: p.nir, NOM_NAISSANCE: p.nomNaissance, NOM_USAGE: p.nomUsage, PRENOMS: p.prenoms, DATE_NAISSANCE: toLegacyDate(p.dateNaissance) }] : [];
    });
}

/** CAF (family allowance fund): batch lookup of household files by NIR, and its statistics of households by benefit. */
export const caf: LegacySystem = {
  name: 'caf',
  prefix: '/caf',
  apiKeyHeader: 'X-Api-Key',
  devApiKey: 'dev-caf-5e21a9',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    return [
      legacyRoute.post(`${baseUrl}/api/v2/allocataires/lot`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, lotBody);
        if (!read.ok) return read.response;
        if (read.body.liste_nir.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} NIR par appel`);
        const nirs = [...new Set(read.body.liste_nir)];
        const found = nirs.flatMap((nir) => {
          const hit = dossierOf(nir, population);
          if (!hit) return [];
          return [{ NIR: nir, ROLE_PERS: hit.dossier.allocataire === hit.personne.ref ? 'DEM' : 'CJT', DOSSIER: toDossier(hit.dossier, population) }];
        });
        return HttpResponse.json({ resultats: found, nb_non_trouves: nirs.length - found.length });
      }),
      // Households with a right open on the month's last day, grouped by the dimensions asked.
      legacyRoute.get(`${baseUrl}/api/v2/statistiques/foyers`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = readStatisticsQuery(request, ['COMMUNE', 'PRESTATION'] as const);
        if (!read.ok) return read.response;
        const lignes = groupBy(
          droitsOuverts(population, read.dernierJour),
          read.ventilation,
          (o, d) => (d === 'COMMUNE' ? o.commune : o.droit.prestation),
          (o) => o.droit.montantCents,
        );
        return HttpResponse.json({
          DATE_REF: toLegacyDate(read.dernierJour),
          LIGNES: lignes.map((l) => ({ ...l.dimensions, NB_FOYERS: l.count, MONTANT_TOTAL: l.amount })),
        });
      }),
      // The allocataires a criterion selects on the month's last day, for a crossing: the subgraph pseudonymises them.
      legacyRoute.get(`${baseUrl}/api/v2/statistiques/extraction`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = readExtractionQuery(request, ['RSA_OUVERT'] as const);
        if (!read.ok) return read.response;
        return HttpResponse.json({ DATE_REF: toLegacyDate(read.dernierJour), CRITERE: read.critere, PERSONNES: allocatairesSelectionnes(population, read.dernierJour) });
      }),
    ];
  },
};
