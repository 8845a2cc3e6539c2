import { parseLegacyDate, passerelleError } from '@passerelle/subgraph-kit';
import type { AccueilContext } from '../context';
import type { InscriptionLegacy } from '../legacy/types';
import { toEvenementTiersLieu, type EvenementTiersLieuParent } from './EvenementTiersLieu';

/** An `InscriptionTiersLieu` as the graph serves it, with its event's id for `evenement`. */
export interface InscriptionTiersLieuParent {
  id: string;
  evenementId: string;
  statut: 'INSCRITE' | 'ANNULEE';
  dateInscription: string;
  auteur: string;
  dateAnnulation: string | null;
  presence: 'PRESENTE' | 'ABSENTE' | null;
}

/** The system's sign-up → `InscriptionTiersLieu`. */
export function toInscriptionTiersLieu(i: InscriptionLegacy): InscriptionTiersLieuParent {
  return {
    id: i.id_inscription,
    evenementId: i.id_evenement,
    statut: i.statut === 'INS' ? 'INSCRITE' : 'ANNULEE',
    dateInscription: parseLegacyDate(i.date_inscription),
    auteur: i.auteur,
    dateAnnulation: i.date_annulation === null ? null : parseLegacyDate(i.date_annulation),
    presence: i.presence === null ? null : i.presence === 'P' ? 'PRESENTE' : 'ABSENTE',
  };
}

export const InscriptionTiersLieu = {
  async evenement(i: InscriptionTiersLieuParent, _args: unknown, ctx: AccueilContext): Promise<EvenementTiersLieuParent> {
    const evenement = (await ctx.loaders.evenements()).get(i.evenementId);
    // The system contradicts itself (a sign-up to an event it does not list): its data is at fault.
    if (!evenement) throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', 'The accueil system listed a sign-up to an event missing from its events.', { partenaire: 'accueil' });
    return toEvenementTiersLieu(evenement);
  },
};
