import type { CritereRapprochement, IdentitePivot, StatutRapprochement } from '@passerelle/subgraph-kit';
import type { Chambre } from '../chambres';
import { decideRapprochement } from '../matching/decideRapprochement';
import { explainRapprochement } from '../matching/explainRapprochement';
import type { AccompagnementConsulaire, EntrepriseConsulaire, FicheConsulaire, SuiviExploitantEnDifficulte } from '../records/FicheConsulaire';

/** A `SituationChambre` as the graph serves it. */
export interface SituationChambre {
  chambre: Chambre;
  rapprochement: { statut: StatutRapprochement; score: number | null; criteres: CritereRapprochement[]; explication: string };
  entreprises: EntrepriseConsulaire[];
  accompagnements: AccompagnementConsulaire[];
  exploitantEnDifficulte: SuiviExploitantEnDifficulte | null;
}

/** One chamber's records born that day → the person's situation there, or the refusal, explained; data only for a retained match. */
export function toSituationChambre(chambre: Chambre, pivot: IdentitePivot, fiches: readonly FicheConsulaire[]): SituationChambre {
  const decision = decideRapprochement(pivot, fiches);
  const fiche = decision.fiche;
  return {
    chambre: { code: chambre.code, nom: chambre.nom },
    rapprochement: { statut: decision.statut, score: decision.score, criteres: decision.criteres, explication: explainRapprochement(chambre.nom, decision) },
    entreprises: fiche?.entreprises ?? [],
    accompagnements: fiche?.accompagnements ?? [],
    exploitantEnDifficulte: fiche?.exploitantEnDifficulte ?? null,
  };
}
