import { cleCellule, parseLegacyDate, type Comptage, type Cube } from '@passerelle/subgraph-kit';
import type { StatistiquesDemandes } from '../legacy/types';

const statuts = { ATT: 'EN_ATTENTE', ORI: 'ORIENTEE', HEB: 'HEBERGEE', CLO: 'CLOTUREE' } as const;
const types = { U: 'URGENCE', I: 'INSERTION' } as const;

const dimensionStatut = {
  code: 'STATUT',
  argument: 'statut',
  modalites: [
    { code: 'EN_ATTENTE', libelle: 'En attente' },
    { code: 'ORIENTEE', libelle: 'Orientée' },
    { code: 'HEBERGEE', libelle: 'Hébergée' },
    { code: 'CLOTUREE', libelle: 'Clôturée' },
  ],
};
const dimensionType = {
  code: 'TYPE',
  argument: 'type',
  modalites: [
    { code: 'URGENCE', libelle: 'Urgence (115)' },
    { code: 'INSERTION', libelle: 'Insertion' },
  ],
};

/** SI-SIAO's count as the kit's cube: status × type, no amounts. */
export function cubeDemandes(stats: StatistiquesDemandes): Cube {
  const comptages = new Map<string, Comptage>();
  for (const l of stats.lignes) {
    const key = cleCellule(statuts[l.cd_statut], types[l.cd_type]);
    comptages.set(key, { effectif: (comptages.get(key)?.effectif ?? 0) + l.nb_demandes, montantCents: null });
  }
  return { dimensions: [dimensionStatut, dimensionType], comptages, avecMontants: false, dateReference: parseLegacyDate(stats.dt_extraction) };
}
