import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { AccueilContext } from '../context';
import type { PassageLegacy } from '../legacy/types';
import { lieuParId, type LieuAccueilParent } from './LieuAccueil';
import { serviceDeCode, type ServiceAccueil } from './ServiceAccueil';

/** A `PassageAccueil` as the graph serves it, with its place's code for `lieu`. */
export interface PassageAccueilParent {
  id: string;
  date: string;
  codeLieu: string;
  motif: ServiceAccueil;
  auteur: string;
}

/** The system's passage → `PassageAccueil`. The usager key stays behind. */
export function toPassageAccueil(p: PassageLegacy): PassageAccueilParent {
  return { id: p.id_passage, date: parseLegacyDate(p.date_passage), codeLieu: p.code_lieu, motif: serviceDeCode[p.code_motif], auteur: p.auteur };
}

export const PassageAccueil = {
  // A place since removed from the directory leaves the passage readable, without its place (as for a referral's).
  lieu: (p: PassageAccueilParent, _args: unknown, ctx: AccueilContext): Promise<LieuAccueilParent | null> => lieuParId(ctx, p.codeLieu),
};
