import { createBatchLoader, createCubeLoader, indexBy } from '@passerelle/subgraph-kit';
import { departementMaxBatch, type DepartementClient } from './legacy/client';
import type { Beneficiaire, NomStatistiqueDepartement } from './legacy/types';
import { cubeDepartement } from './statistics/cubesDepartement';

/** Per-request loaders of the Département subgraph. */
export function createLoaders(departement: DepartementClient) {
  // One statistic's protected grid by month, counted by the Département's system: one call per statistic and month of a request.
  const cube = <N extends NomStatistiqueDepartement>(nom: N) => createCubeLoader(async ({ mois }) => cubeDepartement(nom, await departement.statistique(nom, mois)));
  return {
    parcoursOuverts: cube('parcours-ouverts'),
    parcoursClos: cube('parcours-clos'),
    parcoursEnCours: cube('parcours-en-cours'),
    delaisRsa: cube('delais-rsa'),
    /** Département file by NIR: one batch call per 100 distinct NIRs of a request; primed by caseload pages and commands. */
    beneficiaire: createBatchLoader<string, Beneficiaire>({
      maxBatchSize: departementMaxBatch,
      load: async (nirs) => indexBy(await departement.beneficiairesParNirs(nirs), (b) => b.nir),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
