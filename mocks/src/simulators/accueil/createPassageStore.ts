import type { CodeService } from './annuaireAccueil';

/**
 * A person's visit to a reception place, as the Département's system records it: the day, the
 * place, and the service the person came for (a directory service code). No content, no free
 * text: what was said stays at the desk (mocks/docs/accueil.md).
 */
export interface PassageLegacy {
  id_passage: string;
  nir: string;
  code_lieu: string;
  date_passage: string;
  code_motif: CodeService;
  auteur: string;
  /** The day it was recorded, which may come after the visit (a paper register typed in later). */
  date_saisie: string;
}

/** What a caller asks to record (the body of `POST /passages/v1/passages`, the day resolved). */
export type DemandePassage = Pick<PassageLegacy, 'nir' | 'code_lieu' | 'date_passage' | 'code_motif' | 'auteur'>;

/** Outcome of a recording: a new passage, the replay of an earlier one, or a key reused for another request. */
export type ResultatPassage = { statut: 'CREE' | 'REJOUE'; passage: PassageLegacy } | { statut: 'CONFLIT' };

export interface PassageStore {
  /**
   * Records a passage, atomically (key check and insertion in one synchronous step). `requete` is
   * what the key is remembered with: the body as sent, so a retry without a date the next day is
   * still the same request.
   */
  enregistrer(demande: DemandePassage, requete: unknown, cleIdempotence: string | null, dateSaisie: string): ResultatPassage;
  /** Every passage of these people, oldest visit first (recording order between visits of the same day). */
  parNirs(nirs: readonly string[]): PassageLegacy[];
  /** Moves every passage recorded under `de` to `vers`; returns how many moved. Synchronous, so atomic for callers. */
  rapprocher(de: string, vers: string): number;
  /** Every passage, in recording order: what the system's statistics count. */
  tous(): readonly PassageLegacy[];
}

/**
 * The passages recorded by one simulator instance, in memory, like createOrientationStore, after
 * `historique` (the system's past, historiqueAccueil.ts, ids in their own series).
 */
export function createPassageStore(historique: readonly PassageLegacy[] = []): PassageStore {
  let passages: PassageLegacy[] = [...historique];
  let suivant = 1;
  const parCle = new Map<string, { requete: string; passage: PassageLegacy }>();
  return {
    enregistrer(demande, requete, cleIdempotence, dateSaisie) {
      const canonique = JSON.stringify(['passage', requete]);
      const dejaVue = cleIdempotence === null ? undefined : parCle.get(cleIdempotence);
      if (dejaVue) return dejaVue.requete === canonique ? { statut: 'REJOUE', passage: dejaVue.passage } : { statut: 'CONFLIT' };
      const passage: PassageLegacy = { id_passage: `PAS-${String(suivant++).padStart(6, '0')}`, ...demande, date_saisie: dateSaisie };
      passages.push(passage);
      if (cleIdempotence !== null) parCle.set(cleIdempotence, { requete: canonique, passage });
      return { statut: 'CREE', passage };
    },
    parNirs(nirs) {
      const wanted = new Set(nirs);
      // The list is in recording order and the sort is stable: a visit typed in late still sorts by its day, same-day visits by recording.
      return passages.filter((p) => wanted.has(p.nir)).sort((a, b) => a.date_passage.localeCompare(b.date_passage));
    },
    tous: () => passages,
    rapprocher(de, vers) {
      const deplaces = passages.filter((p) => p.nir === de).length;
      // Replaced, never mutated: a remembered answer stays what it was.
      passages = passages.map((p) => (p.nir === de ? { ...p, nir: vers } : p));
      return deplaces;
    },
  };
}
