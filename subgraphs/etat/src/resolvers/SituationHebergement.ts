import type { MatchDecision, StatutRapprochement } from '@passerelle/subgraph-kit';
import type { PersonneSiao } from '../legacy/types';
import { explainRapprochementSiao } from '../matching/explainRapprochementSiao';
import { toDemandeSiao, type DemandeSiao } from './DemandeSiao';

/** A `SituationHebergement` as the graph serves it. */
export interface SituationHebergement {
  demandeEnCours: DemandeSiao | null;
  demandes: DemandeSiao[];
  rapprochement: { statut: StatutRapprochement; score: number; explication: string } | null;
}

/** A person's SI-SIAO record → their requests, most recent first. */
function situationOf(p: PersonneSiao): Omit<SituationHebergement, 'rapprochement'> {
  const enCours = p.demande_en_cours ? toDemandeSiao(p.demande_en_cours) : null;
  const demandes = [...(enCours ? [enCours] : []), ...p.historique.map(toDemandeSiao)].sort((a, b) => b.dateDemande.localeCompare(a.dateDemande));
  return { demandeEnCours: enCours, demandes };
}

/** Found by NIR: no matching to explain. */
export function situationParNir(p: PersonneSiao): SituationHebergement {
  return { ...situationOf(p), rapprochement: null };
}

/** Decided on identity: the requests of the person retained, or none (AMBIGU), with the explanation; null when nobody matched. */
export function situationParIdentite(decision: MatchDecision<PersonneSiao>): SituationHebergement | null {
  if (decision.statut === 'AUCUN' || decision.score === null) return null;
  const situation = decision.retenu ? situationOf(decision.retenu) : { demandeEnCours: null, demandes: [] };
  return { ...situation, rapprochement: { statut: decision.statut, score: decision.score, explication: explainRapprochementSiao(decision, situation.demandes.length) } };
}
