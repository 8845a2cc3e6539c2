import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import { checkApiKey, legacyError, readBody } from '../legacyHttp';
import type { LegacySystem } from '../LegacySystem';
import { filesChambresConsulaires } from './chambresConsulairesRecords';

const maxBatchSize = 50;

// NIR format only (13 characters incl. 2A/2B, then the key); the key is not checked here.
const rechercheBody = z.object({ nirs: z.array(z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/)).min(1) });

/** Chambres consulaires de l'Aveyron: batch lookup of files by NIR (mocks/docs/chambres-consulaires.md). */
export const chambresConsulaires: LegacySystem = {
  name: 'chambres-consulaires',
  prefix: '/chambres-consulaires',
  apiKeyHeader: 'X-Cle-Api',
  devApiKey: 'dev-chambres-consulaires-64e18e',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    const files = filesChambresConsulaires(population);
    return [
      http.post(`${baseUrl}/api/v1/dossiers/recherche`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rechercheBody);
        if (!read.ok) return read.response;
        if (read.body.nirs.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} NIR par appel`);
        const nirs = [...new Set(read.body.nirs)];
        const dossiers = nirs.flatMap((nir) => files.get(nir) ?? []);
        return HttpResponse.json({ dossiers, non_trouves: nirs.length - dossiers.length });
      }),
    ];
  },
};
