import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import { checkApiKey, legacyError, readBody } from '../legacyHttp';
import type { LegacySystem } from '../LegacySystem';
import { exploitantsChambre } from './chambreAgricultureRecords';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 25;
const chambreDate = z.string().regex(/^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/\d{4}$/);
const rechercheBody = z.object({ naissances: z.array(chambreDate).min(1) });

/** Chambre d'agriculture de l'Aveyron: farmers born on up to 25 dates per call (mocks/docs/chambre-agriculture.md). */
export const chambreAgriculture: LegacySystem = {
  name: 'chambre-agriculture',
  prefix: '/chambre-agriculture',
  apiKeyHeader: 'X-ChambAgri-Cle',
  devApiKey: 'dev-chambre-agriculture-5d7f21',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    const exploitants = exploitantsChambre(population);
    return [
      legacyRoute.post(`${baseUrl}/api/exploitants/recherche`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rechercheBody);
        if (!read.ok) return read.response;
        if (read.body.naissances.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} dates de naissance par appel`);
        return HttpResponse.json({ exploitants: [...new Set(read.body.naissances)].flatMap((date) => exploitants.get(date) ?? []) });
      }),
    ];
  },
};
