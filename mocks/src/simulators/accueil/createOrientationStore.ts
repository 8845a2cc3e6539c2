/** A referral as the Département's system records and returns it. */
export interface OrientationLegacy {
  id_orientation: string;
  nir: string;
  type_cible: 'PART' | 'LIEU';
  code_cible: string;
  code_motif: string;
  motif_libre: string | null;
  auteur: string;
  date_orientation: string;
}

/** What a caller asks to record (the body of `POST /orientations/v1/orientations`). */
export type DemandeOrientation = Omit<OrientationLegacy, 'id_orientation' | 'date_orientation'>;

/** Outcome of a recording: a new referral, the replay of an earlier one, or a key reused for another request. */
export type ResultatEnregistrement = { statut: 'CREE' | 'REJOUE'; orientation: OrientationLegacy } | { statut: 'CONFLIT' };

export interface OrientationStore {
  /**
   * Records a referral, atomically: the check of the idempotency key and the insertion run in
   * one synchronous step, so two concurrent calls with the same key record one referral.
   */
  enregistrer(demande: DemandeOrientation, cleIdempotence: string | null, date: string): ResultatEnregistrement;
  /** Every referral of these people, oldest first. */
  parNirs(nirs: readonly string[]): OrientationLegacy[];
}

/**
 * The referrals recorded by one simulator instance (one `handlers()` call), in memory. A key is
 * remembered with the request it came with (its canonical JSON): the same request gets the same
 * referral back, another one is a conflict.
 */
export function createOrientationStore(): OrientationStore {
  const orientations: OrientationLegacy[] = [];
  const parCle = new Map<string, { requete: string; orientation: OrientationLegacy }>();
  return {
    enregistrer(demande, cleIdempotence, date) {
      const requete = JSON.stringify(demande);
      const dejaVue = cleIdempotence === null ? undefined : parCle.get(cleIdempotence);
      if (dejaVue) return dejaVue.requete === requete ? { statut: 'REJOUE', orientation: dejaVue.orientation } : { statut: 'CONFLIT' };
      const orientation: OrientationLegacy = { id_orientation: `ORI-${String(orientations.length + 1).padStart(6, '0')}`, ...demande, date_orientation: date };
      orientations.push(orientation);
      if (cleIdempotence !== null) parCle.set(cleIdempotence, { requete, orientation });
      return { statut: 'CREE', orientation };
    },
    parNirs(nirs) {
      const wanted = new Set(nirs);
      return orientations.filter((o) => wanted.has(o.nir));
    },
  };
}
