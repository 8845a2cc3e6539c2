import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { CodeCategorie, InscriptionLegacy } from '../legacy/types';

/**
 * Labels of the registration categories, for display *(unverified: worded after the historical
 * definitions of categories 1 to 5; France Travail's own labels may differ)*.
 */
export const libellesCategorie: Readonly<Record<CodeCategorie, string>> = {
  '1': 'Sans emploi, disponible, à la recherche d’un emploi à durée indéterminée à temps plein',
  '2': 'Sans emploi, disponible, à la recherche d’un emploi à durée indéterminée à temps partiel',
  '3': 'Sans emploi, disponible, à la recherche d’un emploi à durée déterminée, temporaire ou saisonnier',
  '4': 'Sans emploi, non immédiatement disponible',
  '5': 'En emploi, à la recherche d’un autre emploi',
};

/** An `InscriptionFranceTravail` as the graph serves it. */
export interface InscriptionFranceTravail {
  categorie: number;
  libelleCategorie: string;
  dateInscription: string;
}

/** France Travail registration → `InscriptionFranceTravail`. */
export function toInscriptionFranceTravail(i: InscriptionLegacy): InscriptionFranceTravail {
  return { categorie: Number(i.code_categorie), libelleCategorie: libellesCategorie[i.code_categorie], dateInscription: parseLegacyDate(i.date_inscription) };
}
