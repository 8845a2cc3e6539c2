import { createBatchLoader, createCubeLoader, indexBy, parseLegacyDate } from '@passerelle/subgraph-kit';
import { franceTravailMaxBatch, type FranceTravailClient, type Individu } from './legacy/client';
import type { DossierLegacy } from './legacy/types';
import { loadInChunks } from './loadInChunks';
import { cubeDemandeurs } from './statistics/cubeDemandeurs';

/** Cache and result key of a step-1 lookup: the same NIR with another date of birth is another lookup. */
const individuKey = (i: Individu) => `${i.nir}|${i.dateNaissance}`;

/**
 * Per-request loaders of the France Travail subgraph, one per step of its API. N usagers cost
 * ceil(N/50) identification calls and ceil(found/50) file calls.
 */
export function createLoaders(franceTravail: FranceTravailClient) {
  return {
    /**
     * Step 1, NIR + date of birth → identifiant. The whole request is one DataLoader batch, cut
     * here into calls of 50 sent at once: every identifiant is then known in the same tick, so
     * step 2 batches them all together instead of once per identification call.
     */
    identifiant: createBatchLoader<Individu, string | Error, string>({
      maxBatchSize: Number.POSITIVE_INFINITY,
      cacheKeyFn: individuKey,
      load: (individus) =>
        loadInChunks(
          individus,
          franceTravailMaxBatch,
          individuKey,
          async (chunk) => new Map((await franceTravail.identifier(chunk)).map((i) => [individuKey({ nir: i.nir, dateNaissance: parseLegacyDate(i.date_naissance) }), i.identifiant])),
        ),
    }),
    /** Step 2, the file by identifiant: one call per 50 distinct identifiants of the request. */
    dossier: createBatchLoader<string, DossierLegacy>({
      maxBatchSize: franceTravailMaxBatch,
      load: async (identifiants) => indexBy(await franceTravail.dossiers(identifiants), (d) => d.identifiant),
    }),
    /** Job seekers by category and registration duration for a month, counted by France Travail's system, under secrecy. */
    demandeursEmploi: createCubeLoader(async ({ mois }) => cubeDemandeurs(await franceTravail.statistiquesDemandeurs(mois))),
    /** The people a criterion selects, for one crossing: not a DataLoader (one call per crossing, nothing kept). */
    extraction: (critere: 'CATEGORIE_1', mois: string) => franceTravail.extraction(critere, mois),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
