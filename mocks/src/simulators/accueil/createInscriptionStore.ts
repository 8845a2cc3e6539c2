/** Where a sign-up stands (mocks/docs/accueil.md): `INS` signed up, `ANN` cancelled. */
export type StatutInscription = 'INS' | 'ANN';

/** A sign-up to a tiers-lieu event, as the Département's system records and returns it. */
export interface InscriptionLegacy {
  id_inscription: string;
  id_evenement: string;
  nir: string;
  statut: StatutInscription;
  date_inscription: string;
  auteur: string;
  date_annulation: string | null;
  auteur_annulation: string | null;
  /** `P` present, `A` absent; null until recorded after the event. */
  presence: 'P' | 'A' | null;
  auteur_presence: string | null;
}

/** Outcome of a write: done, a replay of an earlier one, or a refusal with the system's code. */
export type ResultatInscription =
  | { statut: 'FAITE' | 'REJOUE'; inscription: InscriptionLegacy }
  | { statut: 'CONFLIT' }
  | { statut: 'REFUS'; http: 404 | 409; code: 'EVENEMENT_INCONNU' | 'INSCRIPTION_INCONNUE' | 'EVENEMENT_COMPLET' | 'DEJA_INSCRIT' | 'INSCRIPTION_ANNULEE' | 'EVENEMENT_A_VENIR' };

/** What the store needs to know of an event: its day and the seats the directory still had before any sign-up here. */
export interface EvenementCapacite {
  date_evt: string;
  places_restantes: number;
}

export interface InscriptionStore {
  /** Signs a person up, atomically (key, capacity and insertion in one synchronous step): two concurrent calls cannot take the last seat twice. */
  inscrire(idEvenement: string, demande: { nir: string; auteur: string }, cle: string | null, date: string): ResultatInscription;
  /** Cancels the person's active sign-up to the event, freeing its seat. */
  annuler(idEvenement: string, demande: { nir: string; auteur: string }, cle: string | null, date: string): ResultatInscription;
  /** Records whether the person came, from the event's day on; may be corrected. */
  enregistrerPresence(idEvenement: string, demande: { nir: string; present: boolean; auteur: string }, date: string): ResultatInscription;
  /** Seats still free: the directory's count minus the active sign-ups recorded here. */
  placesRestantes(idEvenement: string): number;
  /** Every sign-up of these people, oldest first. */
  parNirs(nirs: readonly string[]): InscriptionLegacy[];
  /**
   * Moves every sign-up recorded under the key `de` to `vers` (a provisional key reconciled with a
   * NIR); returns how many moved. When both keys held a seat at the same event, the person keeps
   * one: the older sign-up stays (with the attendance either recorded), the other is dropped and
   * its seat freed. Synchronous, so atomic.
   */
  rapprocher(de: string, vers: string): number;
  /** Every sign-up, cancelled ones included, in recording order: what the system's statistics count. */
  toutes(): readonly InscriptionLegacy[];
}

/**
 * The sign-ups recorded by one simulator instance, in memory, like createOrientationStore: a key
 * is remembered with its request and answer; sign-ups are replaced, never mutated, so a
 * remembered answer stays what it was.
 */
export function createInscriptionStore(evenements: ReadonlyMap<string, EvenementCapacite>, historique: readonly InscriptionLegacy[] = []): InscriptionStore {
  let inscriptions: InscriptionLegacy[] = [...historique];
  // Not the list's length: a reconciliation may drop a duplicate, and an id is never given twice.
  let suivante = 1;
  const parCle = new Map<string, { requete: string; inscription: InscriptionLegacy }>();
  const active = (idEvenement: string, nir: string) => inscriptions.findIndex((i) => i.id_evenement === idEvenement && i.nir === nir && i.statut === 'INS');
  const placesRestantes = (idEvenement: string) => (evenements.get(idEvenement)?.places_restantes ?? 0) - inscriptions.filter((i) => i.id_evenement === idEvenement && i.statut === 'INS').length;
  const rejeu = (cle: string | null, requete: string): ResultatInscription | null => {
    const dejaVue = cle === null ? undefined : parCle.get(cle);
    if (!dejaVue) return null;
    return dejaVue.requete === requete ? { statut: 'REJOUE', inscription: dejaVue.inscription } : { statut: 'CONFLIT' };
  };
  const retenir = (cle: string | null, requete: string, inscription: InscriptionLegacy): ResultatInscription => {
    if (cle !== null) parCle.set(cle, { requete, inscription });
    return { statut: 'FAITE', inscription };
  };
  return {
    inscrire(idEvenement, demande, cle, date) {
      const requete = JSON.stringify(['inscription', idEvenement, demande]);
      const rejoue = rejeu(cle, requete);
      if (rejoue) return rejoue;
      if (!evenements.has(idEvenement)) return { statut: 'REFUS', http: 404, code: 'EVENEMENT_INCONNU' };
      if (active(idEvenement, demande.nir) >= 0) return { statut: 'REFUS', http: 409, code: 'DEJA_INSCRIT' };
      if (placesRestantes(idEvenement) <= 0) return { statut: 'REFUS', http: 409, code: 'EVENEMENT_COMPLET' };
      const inscription: InscriptionLegacy = {
        id_inscription: `INS-${String(suivante++).padStart(6, '0')}`,
        id_evenement: idEvenement,
        nir: demande.nir,
        statut: 'INS',
        date_inscription: date,
        auteur: demande.auteur,
        date_annulation: null,
        auteur_annulation: null,
        presence: null,
        auteur_presence: null,
      };
      inscriptions.push(inscription);
      return retenir(cle, requete, inscription);
    },
    annuler(idEvenement, demande, cle, date) {
      const requete = JSON.stringify(['annulation', idEvenement, demande]);
      const rejoue = rejeu(cle, requete);
      if (rejoue) return rejoue;
      if (!evenements.has(idEvenement)) return { statut: 'REFUS', http: 404, code: 'EVENEMENT_INCONNU' };
      const index = active(idEvenement, demande.nir);
      const avant = inscriptions[index];
      if (avant === undefined) return { statut: 'REFUS', http: 404, code: 'INSCRIPTION_INCONNUE' };
      const inscription: InscriptionLegacy = { ...avant, statut: 'ANN', date_annulation: date, auteur_annulation: demande.auteur };
      inscriptions[index] = inscription;
      return retenir(cle, requete, inscription);
    },
    enregistrerPresence(idEvenement, demande, date) {
      const evenement = evenements.get(idEvenement);
      if (evenement === undefined) return { statut: 'REFUS', http: 404, code: 'EVENEMENT_INCONNU' };
      // The latest sign-up of the person to the event: attendance is recorded on it, cancelled or not (refused then).
      const index = inscriptions.findLastIndex((i) => i.id_evenement === idEvenement && i.nir === demande.nir);
      const avant = inscriptions[index];
      if (avant === undefined) return { statut: 'REFUS', http: 404, code: 'INSCRIPTION_INCONNUE' };
      if (avant.statut === 'ANN') return { statut: 'REFUS', http: 409, code: 'INSCRIPTION_ANNULEE' };
      if (evenement.date_evt > date) return { statut: 'REFUS', http: 409, code: 'EVENEMENT_A_VENIR' };
      // Setting the same attendance again changes nothing: the write is idempotent by nature.
      const inscription: InscriptionLegacy = { ...avant, presence: demande.present ? 'P' : 'A', auteur_presence: demande.auteur };
      inscriptions[index] = inscription;
      return { statut: 'FAITE', inscription };
    },
    placesRestantes,
    parNirs(nirs) {
      const wanted = new Set(nirs);
      return inscriptions.filter((i) => wanted.has(i.nir));
    },
    toutes: () => inscriptions,
    rapprocher(de, vers) {
      const deplaces = inscriptions.filter((i) => i.nir === de).length;
      if (deplaces === 0) return 0;
      const fusionnees: InscriptionLegacy[] = [];
      for (const avant of inscriptions) {
        const i = avant.nir === de ? { ...avant, nir: vers } : avant;
        const doublon = i.nir === vers && i.statut === 'INS' ? fusionnees.findIndex((f) => f.nir === vers && f.id_evenement === i.id_evenement && f.statut === 'INS') : -1;
        const gardee = fusionnees[doublon];
        if (gardee === undefined) fusionnees.push(i);
        else if (gardee.presence === null && i.presence !== null) fusionnees[doublon] = { ...gardee, presence: i.presence, auteur_presence: i.auteur_presence };
      }
      inscriptions = fusionnees;
      return deplaces;
    },
  };
}
