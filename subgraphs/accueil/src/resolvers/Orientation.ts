import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { AccueilContext } from '../context';
import type { OrientationLegacy, StatutOrientationLegacy } from '../legacy/types';
import { lieuParId, type LieuAccueilParent } from './LieuAccueil';
import { motifDeCode, type MotifOrientation } from './MotifOrientation';
import { codePasserelleDeCode, partenaireDeCode, type Partenaire } from './Partenaire';

/** The `StatutOrientation` enum values. */
export type StatutOrientation = 'PROPOSEE' | 'ACCEPTEE' | 'REFUSEE' | 'REALISEE' | 'ABANDONNEE';

/** Status code of the system → `StatutOrientation`. */
export const statutDeCode: Readonly<Record<StatutOrientationLegacy, StatutOrientation>> = { PRO: 'PROPOSEE', ACC: 'ACCEPTEE', REF: 'REFUSEE', REA: 'REALISEE', ABA: 'ABANDONNEE' };

/** `StatutOrientation` → status code of the system. */
export const codeDeStatut = Object.fromEntries(Object.entries(statutDeCode).map(([code, s]) => [s, code])) as Readonly<Record<StatutOrientation, StatutOrientationLegacy>>;

/** The `CibleOrientation` parent: a partner (enum when the directory knows it, and its Passerelle code), or the code of a place for `lieu` to resolve. */
export interface CibleOrientationParent {
  partenaire: Partenaire | null;
  codePartenaire: string | null;
  codeLieu: string | null;
}

/** One step of a referral's life. */
export interface EtapeOrientationParent {
  statut: StatutOrientation;
  date: string;
  auteur: string;
}

/** An `Orientation` as the graph serves it. */
export interface OrientationParent {
  id: string;
  date: string;
  cible: CibleOrientationParent;
  motif: MotifOrientation;
  precision: string | null;
  auteur: string;
  statut: StatutOrientation;
  dateStatut: string;
  motifRefus: string | null;
  etapes: EtapeOrientationParent[];
  /** The person referred, as a `Usager` key for the gateway to resolve, guard and audit (never served as such: `nir` is inaccessible). */
  usager: { nir: string };
}

/** The Passerelle code of the partner a referral is addressed to; null for a place or a partner without a subgraph (the CCAS). */
export function codePasserelleCible(o: OrientationLegacy): string | null {
  if (o.type_cible === 'PART') return codePasserelleDeCode[o.code_cible];
  return o.type_cible === 'PASS' ? o.code_cible : null;
}

function cibleOf(o: OrientationLegacy): CibleOrientationParent {
  if (o.type_cible === 'LIEU') return { partenaire: null, codePartenaire: null, codeLieu: o.code_cible };
  return { partenaire: o.type_cible === 'PART' ? partenaireDeCode[o.code_cible] : null, codePartenaire: codePasserelleCible(o), codeLieu: null };
}

/** Recorded referral → `Orientation`. The NIR travels only as the key of `usager`, which clients never read. */
export function toOrientation(o: OrientationLegacy): OrientationParent {
  const etapes = o.etapes.map((e) => ({ statut: statutDeCode[e.statut], date: parseLegacyDate(e.date_etape), auteur: e.auteur }));
  return {
    id: o.id_orientation,
    date: parseLegacyDate(o.date_orientation),
    cible: cibleOf(o),
    motif: motifDeCode[o.code_motif],
    precision: o.motif_libre,
    auteur: o.auteur,
    statut: statutDeCode[o.statut],
    // The system appends a step with each change: the last one dates the current status.
    dateStatut: etapes.at(-1)?.date ?? parseLegacyDate(o.date_orientation),
    motifRefus: o.motif_refus,
    etapes,
    usager: { nir: o.nir },
  };
}

export const CibleOrientation = {
  // A place since removed from the directory leaves the referral readable, without its place.
  lieu: (c: CibleOrientationParent, _args: unknown, ctx: AccueilContext): Promise<LieuAccueilParent | null> | null => (c.codeLieu === null ? null : lieuParId(ctx, c.codeLieu)),
};
