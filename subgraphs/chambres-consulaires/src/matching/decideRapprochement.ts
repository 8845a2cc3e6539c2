import { decideMatch, matchIdentity, type CritereRapprochement, type IdentitePivot, type StatutRapprochement } from '@passerelle/subgraph-kit';
import type { FicheConsulaire } from '../records/FicheConsulaire';

/** What Passerelle decides about one person at one chamber. */
export interface DecisionChambre {
  statut: StatutRapprochement;
  score: number | null;
  criteres: CritereRapprochement[];
  /** The record retained: only when CERTAIN or PROBABLE. */
  fiche: FicheConsulaire | null;
  /** When AMBIGU: how many records could not be told apart. */
  candidats: number;
}

/**
 * Matches a person against one chamber's records born that day with the kit's tolerant matching
 * (subgraphs/kit/src/identity), as subgraphs/bailleurs does. A chamber keeps one record per head
 * of business (the CCI's and CMA's file of ressortissants, the chamber of agriculture's of
 * farmers), so two records matching equally well are two people: AMBIGU, nothing shown.
 */
export function decideRapprochement(pivot: IdentitePivot, fiches: readonly FicheConsulaire[]): DecisionChambre {
  const person = {
    noms: [pivot.nomNaissance, ...(pivot.nomUsage ? [pivot.nomUsage] : [])],
    prenoms: pivot.prenoms,
    sexe: pivot.sexe,
    dateNaissance: pivot.dateNaissance,
    codeLieuNaissance: pivot.codeLieuNaissance,
  };
  // The chambers do not record sex: only the pivot side has it.
  const decision = decideMatch(fiches.map((fiche) => ({ record: fiche, match: matchIdentity(person, { ...fiche.identite, sexe: null }) })));
  return { statut: decision.statut, score: decision.score, criteres: decision.criteres, fiche: decision.retenu, candidats: decision.candidats };
}
