import { parseLegacyDate, passerelleError } from '@passerelle/subgraph-kit';
import type { AccueilContext } from '../context';
import type { EvenementLegacy } from '../legacy/types';
import { toHeure } from './JourSemaine';
import { lieuParId, type LieuAccueilParent } from './LieuAccueil';
import { partenaireDeCode, type Partenaire } from './Partenaire';

/** An `EvenementTiersLieu` as the graph serves it, with its place's code for `lieu`. */
export interface EvenementTiersLieuParent {
  id: string;
  codeLieu: string;
  date: string;
  debut: string;
  fin: string;
  titre: string;
  partenaire: Partenaire | null;
  placesTotal: number;
  placesRestantes: number;
}

/** Directory event → `EvenementTiersLieu`. */
export function toEvenementTiersLieu(e: EvenementLegacy): EvenementTiersLieuParent {
  return {
    id: e.id_evenement,
    codeLieu: e.code_lieu,
    date: parseLegacyDate(e.date_evt),
    debut: toHeure(e.heure_debut),
    fin: toHeure(e.heure_fin),
    titre: e.titre,
    partenaire: e.code_partenaire === null ? null : partenaireDeCode[e.code_partenaire],
    placesTotal: e.places_total,
    placesRestantes: e.places_restantes,
  };
}

export const EvenementTiersLieu = {
  async lieu(e: EvenementTiersLieuParent, _args: unknown, ctx: AccueilContext): Promise<LieuAccueilParent> {
    const lieu = await lieuParId(ctx, e.codeLieu);
    // The directory contradicts itself (an event in a place it does not list): its data is at fault.
    if (!lieu) throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', 'The accueil system listed an event in a place missing from its directory.', { partenaire: 'accueil' });
    return lieu;
  },
};
