/** Where a referral stands (mocks/docs/accueil.md): `PRO` proposed, `ACC` accepted, `REF` refused, `REA` carried out, `ABA` abandoned. */
export type StatutOrientation = 'PRO' | 'ACC' | 'REF' | 'REA' | 'ABA';

/** One step of a referral's life: the status it entered, the day and who moved it there. */
export interface EtapeOrientation {
  statut: StatutOrientation;
  date_etape: string;
  auteur: string;
}

/** A referral as the Département's system records and returns it. */
export interface OrientationLegacy {
  id_orientation: string;
  nir: string;
  type_cible: 'PART' | 'PASS' | 'LIEU';
  code_cible: string;
  code_motif: string;
  motif_libre: string | null;
  auteur: string;
  date_orientation: string;
  statut: StatutOrientation;
  motif_refus: string | null;
  etapes: EtapeOrientation[];
}

/** What a caller asks to record (the body of `POST /orientations/v1/orientations`). */
export type DemandeOrientation = Pick<OrientationLegacy, 'nir' | 'type_cible' | 'code_cible' | 'code_motif' | 'motif_libre' | 'auteur'>;

/** A change of status (the body of `POST /orientations/v1/orientations/{id}/transitions`). */
export interface DemandeTransition {
  nouveau_statut: Exclude<StatutOrientation, 'PRO'>;
  motif_refus: string | null;
  auteur: string;
}

/** Outcome of a recording: a new referral, the replay of an earlier one, or a key reused for another request. */
export type ResultatEnregistrement = { statut: 'CREE' | 'REJOUE'; orientation: OrientationLegacy } | { statut: 'CONFLIT' };

/** Outcome of a change of status; `INTERDITE`: not allowed from the current status, nothing changed. */
export type ResultatTransition = { statut: 'FAITE' | 'REJOUE'; orientation: OrientationLegacy } | { statut: 'CONFLIT' } | { statut: 'INCONNUE' } | { statut: 'INTERDITE' };

/** A page of the referrals addressed to one target, in recording order. */
export interface PageOrientations {
  /** Referrals addressed to the target (in the status asked), all pages together. */
  nb_total: number;
  /** Of these, how many come after the cursor, this page included. */
  nb_apres: number;
  orientations: OrientationLegacy[];
}

/** The only changes allowed: a proposal is accepted or refused, an accepted referral is carried out or abandoned. */
const transitionsPermises: Readonly<Record<StatutOrientation, readonly StatutOrientation[]>> = {
  PRO: ['ACC', 'REF'],
  ACC: ['REA', 'ABA'],
  REF: [],
  REA: [],
  ABA: [],
};

export interface OrientationStore {
  /**
   * Records a referral, atomically: the check of the idempotency key and the insertion run in
   * one synchronous step, so two concurrent calls with the same key record one referral.
   */
  enregistrer(demande: DemandeOrientation, cleIdempotence: string | null, date: string): ResultatEnregistrement;
  /** Every referral of these people, oldest first. */
  parNirs(nirs: readonly string[]): OrientationLegacy[];
  /** The referral with this id, as it stands; undefined when there is none. */
  parId(id: string): OrientationLegacy | undefined;
  /** Moves a referral to a new status, atomically like `enregistrer` (key check, legality, change in one step). */
  changerStatut(id: string, demande: DemandeTransition, cleIdempotence: string | null, date: string): ResultatTransition;
  /** The referrals addressed to this target, optionally in one status, after the referral `apres` (excluded), at most `nb`. */
  parCible(cible: { type_cible: OrientationLegacy['type_cible']; code_cible: string; statut: StatutOrientation | null }, apres: string | null, nb: number): PageOrientations;
  /**
   * Moves every referral recorded under the key `de` to `vers` (a provisional key reconciled with
   * a NIR), keeping ids, statuses and steps; returns how many moved. Synchronous, so atomic.
   */
  rapprocher(de: string, vers: string): number;
  /** Every referral, in recording order: what the system's statistics count. */
  toutes(): readonly OrientationLegacy[];
}

/**
 * The referrals recorded by one simulator instance (one `handlers()` call), in memory. A key is
 * remembered with the request it came with (its canonical JSON) and the answer it got: the same
 * request gets that answer back, another one is a conflict. Referrals are replaced, never
 * mutated, so a remembered answer stays what it was.
 */
export function createOrientationStore(historique: readonly OrientationLegacy[] = []): OrientationStore {
  const orientations: OrientationLegacy[] = [...historique];
  // The ids given while running: their own series, after the history's (`ORI-H…`), as without one.
  let suivante = 1;
  const parCle = new Map<string, { requete: string; orientation: OrientationLegacy }>();
  const indexDe = (id: string) => orientations.findIndex((o) => o.id_orientation === id);
  return {
    enregistrer(demande, cleIdempotence, date) {
      const requete = JSON.stringify(['creation', demande]);
      const dejaVue = cleIdempotence === null ? undefined : parCle.get(cleIdempotence);
      if (dejaVue) return dejaVue.requete === requete ? { statut: 'REJOUE', orientation: dejaVue.orientation } : { statut: 'CONFLIT' };
      const orientation: OrientationLegacy = {
        id_orientation: `ORI-${String(suivante++).padStart(6, '0')}`,
        ...demande,
        date_orientation: date,
        statut: 'PRO',
        motif_refus: null,
        etapes: [{ statut: 'PRO', date_etape: date, auteur: demande.auteur }],
      };
      orientations.push(orientation);
      if (cleIdempotence !== null) parCle.set(cleIdempotence, { requete, orientation });
      return { statut: 'CREE', orientation };
    },
    parNirs(nirs) {
      const wanted = new Set(nirs);
      return orientations.filter((o) => wanted.has(o.nir));
    },
    parId(id) {
      return orientations[indexDe(id)];
    },
    changerStatut(id, demande, cleIdempotence, date) {
      const requete = JSON.stringify(['transition', id, demande]);
      const dejaVue = cleIdempotence === null ? undefined : parCle.get(cleIdempotence);
      if (dejaVue) return dejaVue.requete === requete ? { statut: 'REJOUE', orientation: dejaVue.orientation } : { statut: 'CONFLIT' };
      const index = indexDe(id);
      const avant = orientations[index];
      if (avant === undefined) return { statut: 'INCONNUE' };
      if (!transitionsPermises[avant.statut].includes(demande.nouveau_statut)) return { statut: 'INTERDITE' };
      const orientation: OrientationLegacy = {
        ...avant,
        statut: demande.nouveau_statut,
        motif_refus: demande.nouveau_statut === 'REF' ? demande.motif_refus : avant.motif_refus,
        etapes: [...avant.etapes, { statut: demande.nouveau_statut, date_etape: date, auteur: demande.auteur }],
      };
      orientations[index] = orientation;
      if (cleIdempotence !== null) parCle.set(cleIdempotence, { requete, orientation });
      return { statut: 'FAITE', orientation };
    },
    parCible({ type_cible, code_cible, statut }, apres, nb) {
      const retenues = orientations.flatMap((o, rang) => (o.type_cible === type_cible && o.code_cible === code_cible && (statut === null || o.statut === statut) ? [{ o, rang }] : []));
      // "After" is a position in recording order, so it survives referrals changing status; the
      // history's ids (`ORI-H…`) come first though they sort after the running series'. An id the
      // system never gave is compared as before.
      const position = apres === null ? -1 : orientations.findIndex((o) => o.id_orientation === apres);
      const suivantes = apres === null ? retenues : retenues.filter(({ o, rang }) => (position < 0 ? o.id_orientation > apres : rang > position));
      return { nb_total: retenues.length, nb_apres: suivantes.length, orientations: suivantes.slice(0, nb).map(({ o }) => o) };
    },
    toutes: () => orientations,
    rapprocher(de, vers) {
      let deplaces = 0;
      // In place of the old records, so recording order (oldest first) holds across both keys.
      orientations.forEach((o, index) => {
        if (o.nir !== de) return;
        orientations[index] = { ...o, nir: vers };
        deplaces += 1;
      });
      return deplaces;
    },
  };
}
