import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import type { AssureCpam } from '../../population/types';
import { checkApiKey, legacyError, readBody, toLegacyDate } from '../legacyHttp';
import { readExtractionQuery } from '../legacyExtraction';
import type { LegacySystem } from '../LegacySystem';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 50;

/** Code of the general regime ("grand régime" 01) *(unverified: code list of the health-insurance schemes)*. */
const codeRegimeGeneral = '01';
/** Code of the CPAM de l'Aveyron, which manages everyone of the simulated population *(unverified)*. */
const codeCaisseAveyron = '121';

/** C2S status codes of this system: 0 none, 1 without participation, 2 with participation. */
const codeC2s: Record<AssureCpam['c2s'], '0' | '1' | '2'> = { NON: '0', SANS_PARTICIPATION: '1', AVEC_PARTICIPATION: '2' };

const ouiNon = (flag: boolean) => (flag ? 'O' : 'N');

/** Coverage of one insured person (see mocks/docs/cpam.md). Nothing medical exists in this system's answers. */
function toBeneficiaire(nir: string, a: AssureCpam) {
  return {
    nir,
    code_regime: codeRegimeGeneral,
    code_caisse: codeCaisseAveyron,
    date_ouverture_droits: toLegacyDate(a.dateDebutDroits),
    c2s: { code_statut: codeC2s[a.c2s], date_fin: toLegacyDate(a.c2sFin) },
    medecin_traitant: ouiNon(a.medecinTraitantDeclare),
    ij_en_cours: ouiNon(a.indemnitesJournalieresEnCours),
  };
}

// NIR format only (13 characters incl. 2A/2B, then the key); the key is not checked here.
const droitsBody = z.object({ nirs: z.array(z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/)).min(1) });

/** CPAM (health insurance, general regime): coverage of insured people, by batch of NIRs. */
export const cpam: LegacySystem = {
  name: 'cpam',
  prefix: '/cpam',
  apiKeyHeader: 'X-Cle-Partenaire',
  devApiKey: 'dev-cpam-93d4b7',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    return [
      legacyRoute.post(`${baseUrl}/api/v1/beneficiaires/droits`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, droitsBody);
        if (!read.ok) return read.response;
        if (read.body.nirs.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} NIR par appel`);
        const nirs = [...new Set(read.body.nirs)];
        const beneficiaires = nirs.flatMap((nir) => {
          const personne = population.personneParNir.get(nir);
          const assure = personne ? population.assureCpamParRef.get(personne.ref) : undefined;
          return assure ? [toBeneficiaire(nir, assure)] : [];
        });
        return HttpResponse.json({ beneficiaires, nb_inconnus: nirs.length - beneficiaires.length });
      }),
      // The insured a criterion selects on the month's last day, for a crossing (docs/statistics.md, "Crossings"):
      // `SANS_C2S`, no complementary cover (C2S) on that day, or no basic rights open on it yet.
      legacyRoute.get(`${baseUrl}/api/v1/statistiques/extraction`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = readExtractionQuery(request, ['SANS_C2S'] as const);
        if (!read.ok) return read.response;
        const jour = read.dernierJour;
        const nirs = population.cpam.flatMap((a) => {
          const sansC2s = a.c2s === 'NON' || (a.c2sFin !== null && a.c2sFin < jour) || a.dateDebutDroits > jour;
          const p = sansC2s ? population.personneParRef.get(a.personne) : undefined;
          return p ? [p.nir] : [];
        });
        return HttpResponse.json({ date_reference: toLegacyDate(jour), critere: read.critere, nirs });
      }),
    ];
  },
};
