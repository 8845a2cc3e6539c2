import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import type { Personne } from '../../population/types';
import { checkApiKey, fromLegacyDate, legacyError, readBody, toLegacyDate } from '../legacyHttp';
import type { LegacySystem } from '../LegacySystem';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 100;
const maxPageSize = 50;

/** An individual as the register returns it (see mocks/docs/sngi.md). */
function toIndividu(p: Personne) {
  return {
    NIR: p.nir,
    SEXE: String(p.sexe),
    NOM_NAISSANCE: p.nomNaissance,
    NOM_USAGE: p.nomUsage,
    PRENOMS: p.prenoms.join(','),
    DATE_NAISSANCE: toLegacyDate(p.dateNaissance),
    LIEU_NAISSANCE: { CODE: p.lieuNaissance.code, LIBELLE: p.lieuNaissance.libelle },
  };
}

const lotBody = z.object({ nirs: z.array(z.string()).min(1) });
const rechercheBody = z.object({
  date_naissance: z.string().regex(/^\d{8}$/),
  sexe: z.enum(['1', '2']).optional(),
  page: z.number().int().min(1).default(1),
  taille: z.number().int().min(1).default(20),
});

/** SNGI, the national identity register for social security (CNAV): batch lookup by NIR, search by date of birth. */
export const sngi: LegacySystem = {
  name: 'sngi',
  prefix: '/sngi',
  apiKeyHeader: 'X-Api-Key',
  devApiKey: 'dev-sngi-0b6f1c',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    return [
      legacyRoute.post(`${baseUrl}/api/v1/individus/lot`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, lotBody);
        if (!read.ok) return read.response;
        if (read.body.nirs.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} NIR par appel`);
        const found = read.body.nirs.map((nir) => population.personneParNir.get(nir)).filter((p): p is Personne => p !== undefined);
        return HttpResponse.json({
          individus: found.map(toIndividu),
          non_trouves: read.body.nirs.filter((nir) => !population.personneParNir.has(nir)).length,
        });
      }),
      legacyRoute.post(`${baseUrl}/api/v1/individus/recherche`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rechercheBody);
        if (!read.ok) return read.response;
        const { date_naissance, sexe, page, taille } = read.body;
        if (taille > maxPageSize) return legacyError(400, 'TAILLE_PAGE', `Au plus ${maxPageSize} résultats par page`);
        const all = (population.personnesNeesLe.get(fromLegacyDate(date_naissance)) ?? []).filter((p) => !sexe || String(p.sexe) === sexe);
        return HttpResponse.json({ page, taille, total: all.length, individus: all.slice((page - 1) * taille, page * taille).map(toIndividu) });
      }),
    ];
  },
};
