import { centsToEuros, parseLegacyDate } from '@passerelle/subgraph-kit';
import type { ActionSocialeLegacy, CodeAide, DossierLegacy, EtatDossier } from '../legacy/types';

export type StatutRetraite = 'ACTIF' | 'DEMANDE_EN_COURS' | 'RETRAITE';
export type TypeAideActionSociale = 'AIDE_MENAGERE' | 'ARDH' | 'PORTAGE_REPAS';

/** The `StatutRetraite` of each Carsat file state. */
export const statutRetraite: Record<EtatDossier, StatutRetraite> = { COT: 'ACTIF', LIQ: 'DEMANDE_EN_COURS', RET: 'RETRAITE' };
/** The `TypeAideActionSociale` of each Carsat aid code. */
export const typeAide: Record<CodeAide, TypeAideActionSociale> = { AMD: 'AIDE_MENAGERE', ARDH: 'ARDH', PRD: 'PORTAGE_REPAS' };

/** An `AideActionSociale` as the graph serves it. */
export interface AideActionSociale {
  type: TypeAideActionSociale;
  heuresMensuelles: number;
  dateDebut: string;
  dateFin: string;
}

/** A `DossierRetraite` as the graph serves it. */
export interface DossierRetraite {
  trimestresValides: number;
  statut: StatutRetraite;
  dateEffet: string | null;
  pensionMensuelle: number | null;
  aspa: { montantMensuel: number; dateDebut: string } | null;
  actionSociale: AideActionSociale[];
}

function toAideActionSociale(a: ActionSocialeLegacy): AideActionSociale {
  return { type: typeAide[a.code_aide], heuresMensuelles: a.nb_heures_mois, dateDebut: parseLegacyDate(a.date_debut), dateFin: parseLegacyDate(a.date_fin) };
}

/** Carsat pension file → `DossierRetraite` (euros, ISO dates, readable codes). */
export function toDossierRetraite(d: DossierLegacy): DossierRetraite {
  return {
    trimestresValides: d.nb_trimestres_valides,
    statut: statutRetraite[d.etat_dossier],
    dateEffet: d.date_effet === null ? null : parseLegacyDate(d.date_effet),
    pensionMensuelle: d.montant_mensuel_brut === null ? null : centsToEuros(d.montant_mensuel_brut),
    aspa: d.aspa ? { montantMensuel: centsToEuros(d.aspa.montant_mensuel), dateDebut: parseLegacyDate(d.aspa.date_debut) } : null,
    actionSociale: d.actions_sociales.map(toAideActionSociale),
  };
}
