import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import type { Personne } from '../../population/types';
import { checkApiKey, fromLegacyDate, legacyError, readBody, toLegacyDate } from '../legacyHttp';
import { groupBy, readStatisticsQuery } from '../legacyStatistics';
import type { LegacySystem } from '../LegacySystem';
import { codeStatut, codeType, siaoName, toPersonneSiao } from './toPersonneSiao';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 50;

const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
// NIR format only (13 characters incl. 2A/2B, then the key); the key is not checked here.
const nirBody = z.object({ nirs: z.array(z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/)).min(1) });
const identiteBody = z.object({ nom_naissance: z.string().trim().min(1), prenom: z.string().trim().min(1), dt_naissance: legacyDate });

/** True when the body is a JSON list: refused with the batch error callers of a batch API would expect. */
const isList = async (request: Request) =>
  Array.isArray(
    await request
      .clone()
      .json()
      .catch(() => null),
  );

/** Everyone in a SIAO request (members of the household included), once each. */
function personnesConnues(population: Population): Personne[] {
  return [...population.demandesSiaoParRef.keys()].map((ref) => population.personneParRef.get(ref)).filter((p): p is Personne => p !== undefined);
}

/**
 * SI-SIAO's deliberately wide identity search: same date of birth, birth or usage name starting
 * with the same three letters, a first name with the same initial. Telling the candidates apart
 * is left to the caller.
 */
function candidats(population: Population, c: z.infer<typeof identiteBody>) {
  const date = fromLegacyDate(c.dt_naissance);
  const debut = siaoName(c.nom_naissance).slice(0, 3);
  const initiale = siaoName(c.prenom).slice(0, 1);
  return personnesConnues(population).filter(
    (p) => p.dateNaissance === date && [p.nomNaissance, p.nomUsage].some((nom) => nom !== null && siaoName(nom).startsWith(debut)) && p.prenoms.some((prenom) => siaoName(prenom).startsWith(initiale)),
  );
}

/** État's SIAO (SI-SIAO): emergency and adapted housing requests, by NIR in batches of 50 when it was recorded, otherwise by identity, one person per call. */
export const siao: LegacySystem = {
  name: 'siao',
  prefix: '/siao',
  apiKeyHeader: 'X-SISIAO-Cle',
  devApiKey: 'dev-siao-6b3e18',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    return [
      legacyRoute.post(`${baseUrl}/si-siao/v3/personnes/recherche-nir`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, nirBody);
        if (!read.ok) return read.response;
        if (read.body.nirs.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} NIR par appel`);
        const nirs = [...new Set(read.body.nirs)];
        const personnes = nirs.flatMap((nir) => {
          const personne = population.personneParNir.get(nir);
          const found = personne && population.demandesSiaoParRef.has(personne.ref) ? toPersonneSiao(personne, population) : null;
          // Only a NIR SI-SIAO recorded finds a person: the others are known by identity alone.
          return found?.nir ? [found] : [];
        });
        return HttpResponse.json({ personnes, nb_non_trouves: nirs.length - personnes.length });
      }),
      legacyRoute.post(`${baseUrl}/si-siao/v3/personnes/recherche-identite`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        if (await isList(request)) return legacyError(413, 'LOT_TROP_GRAND', 'Une seule personne par appel');
        const read = await readBody(request, identiteBody);
        if (!read.ok) return read.response;
        return HttpResponse.json({ personnes: candidats(population, read.body).map((p) => toPersonneSiao(p, population)) });
      }),
      // Requests filed on or before the month's last day, by their status at extraction (SI-SIAO keeps no status history) and type.
      legacyRoute.get(`${baseUrl}/si-siao/v3/statistiques/demandes`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = readStatisticsQuery(request, ['STATUT', 'TYPE'] as const);
        if (!read.ok) return read.response;
        const deposees = population.siao.filter((d) => d.dateDemande <= read.dernierJour);
        const lignes = groupBy(
          deposees,
          read.ventilation,
          (d, dim) => (dim === 'STATUT' ? codeStatut[d.statut] : codeType[d.type]),
          () => 0,
        );
        return HttpResponse.json({
          dt_extraction: toLegacyDate(read.dernierJour),
          lignes: lignes.map((l) => ({ cd_statut: l.dimensions.STATUT ?? null, cd_type: l.dimensions.TYPE ?? null, nb_demandes: l.count })),
        });
      }),
    ];
  },
};
