import { createBatchLoader, createCubeLoader, createSingleLoader, indexBy } from '@passerelle/subgraph-kit';
import { siaoMaxBatch, type CritereIdentite, type SiaoClient } from './legacy/client';
import type { PersonneSiao } from './legacy/types';
import { cubeDemandes } from './statistics/cubeDemandes';

/** Per-request loaders of the État subgraph. */
export function createLoaders(siao: SiaoClient) {
  return {
    /** SIAO person by NIR: one call per 50 distinct NIRs of a request; people known by identity only are absent. */
    parNir: createBatchLoader<string, PersonneSiao>({
      maxBatchSize: siaoMaxBatch,
      load: async (nirs) => indexBy(await siao.personnesParNirs(nirs), (p) => p.nir ?? ''),
    }),
    /** Candidates of one identity search: one call per distinct identity, deduplicated per request. */
    parIdentite: createSingleLoader<CritereIdentite, PersonneSiao[], string>(
      (critere) => siao.personnesParIdentite(critere),
      (c) => JSON.stringify([c.nomNaissance, c.prenom, c.dateNaissance]),
    ),
    /** Requests by status and type for a month, counted by SI-SIAO, under secrecy. */
    demandes: createCubeLoader(async ({ mois }) => cubeDemandes(await siao.statistiquesDemandes(mois))),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
