import type { CritereRapprochement, StatutRapprochement } from '@passerelle/subgraph-kit';
import type { Bailleur } from '../bailleurs';
import type { IdentitePivot } from '../identitePivot';
import { decideRapprochement } from '../matching/decideRapprochement';
import { explainRapprochement } from '../matching/explainRapprochement';
import type { Bail, DemandeLogementSocial, DossierBailleur } from '../records/DossierBailleur';

/** A `SituationBailleur` as the graph serves it. */
export interface SituationBailleur {
  bailleur: Bailleur;
  rapprochement: { statut: StatutRapprochement; score: number | null; criteres: CritereRapprochement[]; explication: string };
  baux: Bail[];
  demandes: DemandeLogementSocial[];
}

/** One landlord's records born that day → the person's situation there, or the refusal, explained. */
export function toSituationBailleur(bailleur: Bailleur, pivot: IdentitePivot, dossier: DossierBailleur): SituationBailleur {
  const decision = decideRapprochement(pivot, dossier);
  return {
    bailleur: { code: bailleur.code, nom: bailleur.nom },
    rapprochement: { statut: decision.statut, score: decision.score, criteres: decision.criteres, explication: explainRapprochement(bailleur.nom, decision) },
    baux: decision.baux,
    demandes: decision.demandes,
  };
}
