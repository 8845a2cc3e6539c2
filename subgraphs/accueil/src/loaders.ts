import { createBatchLoader, createCubeLoader } from '@passerelle/subgraph-kit';
import { accueilMaxBatch, type AccueilClient } from './legacy/client';
import type { EvenementLegacy, InscriptionLegacy, LieuLegacy, NomStatistiqueAccueil, OrientationLegacy, PassageLegacy } from './legacy/types';
import { cubeAccueil } from './statistics/cubesAccueil';

/** Per-request loaders of the reception-network subgraph. */
export function createLoaders(accueil: AccueilClient) {
  let annuaire: Promise<ReadonlyMap<string, LieuLegacy>> | undefined;
  let evenements: Promise<ReadonlyMap<string, EvenementLegacy>> | undefined;
  // One statistic's protected grid by month, counted by the network's system: one call per statistic and month of a request
  // (and the directory, whose places are the passages' fixed modalities).
  const cube = <N extends NomStatistiqueAccueil>(nom: N) =>
    createCubeLoader(async ({ mois }) => {
      const [stats, lieux] = await Promise.all([accueil.statistique(nom, mois), nom === 'passages' ? accueil.lieux() : Promise.resolve([])]);
      return cubeAccueil(nom, stats, lieux);
    });
  return {
    orientationsStatistiques: cube('orientations'),
    passagesStatistiques: cube('passages'),
    inscriptionsStatistiques: cube('inscriptions'),
    /** The directory by place code: one call per request, whatever the number of places resolved. */
    annuaire(): Promise<ReadonlyMap<string, LieuLegacy>> {
      annuaire ??= accueil.lieux().then((lieux) => new Map(lieux.map((l) => [l.code_lieu, l])));
      return annuaire;
    },
    /** Every event by id, seats as they stand now: one call per request, whatever the number of sign-ups resolved. */
    evenements(): Promise<ReadonlyMap<string, EvenementLegacy>> {
      evenements ??= accueil.evenements(null, null).then((liste) => new Map(liste.map((e) => [e.id_evenement, e])));
      return evenements;
    },
    /** Sign-ups by NIR: one call per 50 distinct NIRs of a request; none → an empty list. */
    inscriptions: createBatchLoader<string, InscriptionLegacy[]>({
      maxBatchSize: accueilMaxBatch,
      load: async (nirs) => {
        const parNir = new Map<string, InscriptionLegacy[]>(nirs.map((nir) => [nir, []]));
        for (const i of await accueil.inscriptionsParNirs(nirs)) parNir.get(i.nir)?.push(i);
        return parNir;
      },
    }),
    /** Referrals by NIR: one call per 50 distinct NIRs of a request; none → an empty list. */
    orientations: createBatchLoader<string, OrientationLegacy[]>({
      maxBatchSize: accueilMaxBatch,
      load: async (nirs) => {
        const parNir = new Map<string, OrientationLegacy[]>(nirs.map((nir) => [nir, []]));
        for (const o of await accueil.orientationsParNirs(nirs)) parNir.get(o.nir)?.push(o);
        return parNir;
      },
    }),
    /** Passages by usager key: one call per 50 distinct keys of a request; none → an empty list. */
    passages: createBatchLoader<string, PassageLegacy[]>({
      maxBatchSize: accueilMaxBatch,
      load: async (nirs) => {
        const parNir = new Map<string, PassageLegacy[]>(nirs.map((nir) => [nir, []]));
        for (const p of await accueil.passagesParNirs(nirs)) parNir.get(p.nir)?.push(p);
        return parNir;
      },
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
