import type { Dimension } from './Cube';

/**
 * The communes of the territory the agency serves (Rodez agglomération, INSEE COG codes as in
 * mocks/src/population/geography.ts), and the modality for everything outside it. The commune
 * is a fixed partition: a statistic by commune always has these modalities, whatever the data.
 * The EPCI level is the table's total (every commune of the territory and outside).
 */
export const communesDuTerritoire: ReadonlyArray<{ code: string; libelle: string }> = [
  { code: '12202', libelle: 'Rodez' },
  { code: '12176', libelle: 'Onet-le-Château' },
  { code: '12133', libelle: 'Luc-la-Primaube' },
  { code: '12174', libelle: 'Olemps' },
  { code: '12150', libelle: 'Le Monastère' },
  { code: '12264', libelle: 'Sébazac-Concourès' },
  { code: '12090', libelle: 'Druelle Balsac' },
  { code: '12241', libelle: 'Sainte-Radegonde' },
];

/** The modality of the units whose commune is outside the territory. */
export const horsTerritoire = 'HORS_TERRITOIRE';

/** The commune dimension, filtered with the argument `commune` (an INSEE code or `HORS_TERRITOIRE`). */
export const dimensionCommune: Dimension = {
  code: 'COMMUNE',
  argument: 'commune',
  modalites: [...communesDuTerritoire, { code: horsTerritoire, libelle: 'Hors du territoire' }],
};

/** The modality of an INSEE commune code. */
export const modaliteCommune = (codeInsee: string): string => (communesDuTerritoire.some((c) => c.code === codeInsee) ? codeInsee : horsTerritoire);
