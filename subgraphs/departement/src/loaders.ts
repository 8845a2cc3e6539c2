import { createBatchLoader, createSingleLoader, indexBy, lireMois, moisPrecedent, protegerCubesLies, protegerFlux, type CubeProtege, type Mois } from '@passerelle/subgraph-kit';
import { departementMaxBatch, type DepartementClient } from './legacy/client';
import type { Beneficiaire, NomStatistiqueDepartement } from './legacy/types';
import { cubeDepartement, lienRsaOriente } from './statistics/cubesDepartement';

/** Per-request loaders of the Département subgraph. */
export function createLoaders(departement: DepartementClient) {
  // One statistic's count for a month, asked of the Département's system once per request.
  const comptages = createSingleLoader(async (cle: string) => {
    const [nom, mois] = cle.split('|') as [NomStatistiqueDepartement, string];
    return cubeDepartement(nom, await departement.statistique(nom, mois));
  });
  const compter = async (nom: NomStatistiqueDepartement, mois: Mois) => (await comptages.load(`${nom}|${mois.mois}`))!;
  // The month's stocks, protected together: RSA parcours in progress and the oriented RSA
  // beneficiaries of delaisRsa are the same people in the seed, so that link is one more
  // equation of the attacker's (docs/statistics.md). A suppression the link calls for is taken
  // from delaisRsa first: the flows are only published where every stock by motif is.
  const stocks = createSingleLoader(async (mois: string) => {
    const m = lireMois(mois);
    const [enCours, delais] = protegerCubesLies([await compter('parcours-en-cours', m), await compter('delais-rsa', m)], [lienRsaOriente], [1, 0]);
    return { enCours: enCours!, delais: delais! };
  });
  // The month's flows, protected against the stock–flow identity with the stocks around them (kit, protegerFlux).
  const flux = createSingleLoader(async (mois: string) => {
    const m = lireMois(mois);
    const precedent = moisPrecedent(m);
    const [ouverts, clos] = protegerFlux(
      await compter('parcours-ouverts', m),
      await compter('parcours-clos', m),
      precedent === null ? null : (await stocks.load(precedent.mois))!.enCours,
      (await stocks.load(m.mois))!.enCours,
    );
    return { ouverts, clos };
  });
  const depuis =
    <T>(loader: { load(mois: string): Promise<T | null> }, choix: (t: T) => CubeProtege) =>
    async (mois: string) =>
      choix((await loader.load(mois))!);
  return {
    parcoursOuverts: { load: depuis(flux, (f) => f.ouverts) },
    parcoursClos: { load: depuis(flux, (f) => f.clos) },
    parcoursEnCours: { load: depuis(stocks, (s) => s.enCours) },
    delaisRsa: { load: depuis(stocks, (s) => s.delais) },
    /** Département file by NIR: one batch call per 100 distinct NIRs of a request; primed by caseload pages and commands. */
    beneficiaire: createBatchLoader<string, Beneficiaire>({
      maxBatchSize: departementMaxBatch,
      load: async (nirs) => indexBy(await departement.beneficiairesParNirs(nirs), (b) => b.nir),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
