import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import { checkApiKey, legacyError, readBody } from '../legacyHttp';
import type { LegacySystem } from '../LegacySystem';
import { artisansCma } from './cmaRecords';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 20;
const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
const rechercheBody = z.object({ DATES_NAISS: z.array(legacyDate).min(1) });

/** Chambre de métiers et de l'artisanat (CMA Occitanie, Aveyron): artisans born on up to 20 dates per call (mocks/docs/cma.md). */
export const cma: LegacySystem = {
  name: 'cma',
  prefix: '/cma',
  apiKeyHeader: 'X-CMA-Token',
  devApiKey: 'dev-cma-3be90a',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    const artisans = artisansCma(population);
    return [
      legacyRoute.post(`${baseUrl}/rm/v1/artisans/recherche`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rechercheBody);
        if (!read.ok) return read.response;
        if (read.body.DATES_NAISS.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} dates de naissance par appel`);
        const found = [...new Set(read.body.DATES_NAISS)].flatMap((date) => artisans.get(date) ?? []);
        return HttpResponse.json({ NB: found.length, ARTISANS: found });
      }),
    ];
  },
};
