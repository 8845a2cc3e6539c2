import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { AccueilContext } from '../context';
import type { OrientationLegacy } from '../legacy/types';
import { lieuParId, type LieuAccueilParent } from './LieuAccueil';
import { motifDeCode, type MotifOrientation } from './MotifOrientation';
import { partenaireDeCode, type Partenaire } from './Partenaire';

/** The `CibleOrientation` parent: a partner, or the code of a place for `lieu` to resolve. */
export interface CibleOrientationParent {
  partenaire: Partenaire | null;
  codeLieu: string | null;
}

/** An `Orientation` as the graph serves it. */
export interface OrientationParent {
  id: string;
  date: string;
  cible: CibleOrientationParent;
  motif: MotifOrientation;
  precision: string | null;
  auteur: string;
}

/** Recorded referral → `Orientation`. The NIR stays behind. */
export function toOrientation(o: OrientationLegacy): OrientationParent {
  return {
    id: o.id_orientation,
    date: parseLegacyDate(o.date_orientation),
    cible: o.type_cible === 'PART' ? { partenaire: partenaireDeCode[o.code_cible], codeLieu: null } : { partenaire: null, codeLieu: o.code_cible },
    motif: motifDeCode[o.code_motif],
    precision: o.motif_libre,
    auteur: o.auteur,
  };
}

export const CibleOrientation = {
  // A place since removed from the directory leaves the referral readable, without its place.
  lieu: (c: CibleOrientationParent, _args: unknown, ctx: AccueilContext): Promise<LieuAccueilParent | null> | null => (c.codeLieu === null ? null : lieuParId(ctx, c.codeLieu)),
};
