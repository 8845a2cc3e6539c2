import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import { checkApiKey, legacyError, readBody } from '../legacyHttp';
import type { LegacySystem } from '../LegacySystem';
import { toAdherentMsa } from './toAdherentMsa';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 100;

// NIR format only (13 characters incl. 2A/2B, then the key); the key is not checked here.
const lotBody = z.object({ nirs_recherches: z.array(z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/)).min(1) });

/** MSA (agricultural regime): batch lookup of the members of agricultural households by NIR. */
export const msa: LegacySystem = {
  name: 'msa',
  prefix: '/msa',
  apiKeyHeader: 'X-Msa-Jeton',
  devApiKey: 'dev-msa-2d7c61',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    return [
      legacyRoute.post(`${baseUrl}/sia/adherents/v1/consultation-lot`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, lotBody);
        if (!read.ok) return read.response;
        if (read.body.nirs_recherches.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} NIR par appel`);
        const nirs = [...new Set(read.body.nirs_recherches)];
        const adherents = nirs.flatMap((nir) => {
          const personne = population.personneParNir.get(nir);
          const dossier = personne ? population.dossierMsaParRef.get(personne.ref) : undefined;
          return personne && dossier ? [toAdherentMsa(nir, personne, dossier, population)] : [];
        });
        return HttpResponse.json({ adherents, nb_non_identifies: nirs.length - adherents.length });
      }),
    ];
  },
};
