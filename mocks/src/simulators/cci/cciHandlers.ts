import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import { checkApiKey, legacyError, readBody } from '../legacyHttp';
import type { LegacySystem } from '../LegacySystem';
import { ressortissantsCci } from './cciRecords';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 50;
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const rechercheBody = z.object({ datesNaissance: z.array(isoDate).min(1) });

/** CCI Aveyron: ressortissants (traders and their businesses) born on up to 50 dates per call (mocks/docs/cci.md). */
export const cci: LegacySystem = {
  name: 'cci',
  prefix: '/cci',
  apiKeyHeader: 'X-CCI-Api-Key',
  devApiKey: 'dev-cci-7c21d4',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    const ressortissants = ressortissantsCci(population);
    return [
      legacyRoute.post(`${baseUrl}/api/v2/ressortissants/recherche`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rechercheBody);
        if (!read.ok) return read.response;
        if (read.body.datesNaissance.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} dates de naissance par appel`);
        return HttpResponse.json({ ressortissants: [...new Set(read.body.datesNaissance)].flatMap((date) => ressortissants.get(date) ?? []) });
      }),
    ];
  },
};
