import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import { checkApiKey, legacyError, readBody } from '../legacyHttp';
import type { LegacySystem } from '../LegacySystem';
import { stagiairesRegion } from './regionRecords';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 20;

// NIR format only (13 characters incl. 2A/2B, then the key); the key is not checked here.
const nir = z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/);
/** `JJ/MM/AAAA`, complete: the Région's system writes dates the French way. */
const dateFr = z.string().regex(/^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/\d{4}$/);
const consultationBody = z.object({ demandes: z.array(z.object({ nir, dateNaissance: dateFr })).min(1) });

/**
 * Région Occitanie: trainees of its regional training plan, their enrolments and the
 * rémunération it pays them, looked up by NIR and date of birth together, 20 people per call
 * (mocks/docs/region.md).
 */
export const region: LegacySystem = {
  name: 'region',
  prefix: '/region',
  apiKeyHeader: 'X-Region-Jeton',
  devApiKey: 'dev-region-c697d2',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    const stagiaires = stagiairesRegion(population);
    return [
      legacyRoute.post(`${baseUrl}/sirf/v3/stagiaires/consultation`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, consultationBody);
        if (!read.ok) return read.response;
        if (read.body.demandes.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} demandes par appel`);
        const demandes = [...new Map(read.body.demandes.map((d) => [`${d.nir}|${d.dateNaissance}`, d])).values()];
        // A date of birth that is not the NIR's person's identifies nobody, never someone else.
        const trouves = demandes.flatMap((d) => {
          const stagiaire = stagiaires.get(d.nir);
          return stagiaire && stagiaire.dateNaissance === d.dateNaissance ? [stagiaire] : [];
        });
        return HttpResponse.json({ stagiaires: trouves, nombreNonTrouves: demandes.length - trouves.length });
      }),
    ];
  },
};
