import { parseDateFr } from '../legacy/formatsRegion';
import type { ActionLegacy, CodeDispositif } from '../legacy/types';

/** `DispositifFormation`. */
export type DispositifFormation = 'PROJET_PRO' | 'QUALIF_PRO';

/** An `ActionFormation` as the graph serves it. */
export interface ActionFormation {
  codeAction: string;
  intitule: string;
  dispositif: DispositifFormation;
  qualifiante: boolean;
  certification: { codeRncp: string; intitule: string } | null;
  organisme: { raisonSociale: string; siret: string };
  lieu: string;
  dateDebut: string;
  dateFin: string;
  dureeHeures: number;
}

/** Programme codes of mocks/docs/region.md → the graph's enum. */
export const dispositifs: Readonly<Record<CodeDispositif, DispositifFormation>> = { PPRO: 'PROJET_PRO', QPRO: 'QUALIF_PRO' };

/** A catalogue action → `ActionFormation`: ISO dates, the programme as an enum, the commune as the place. */
export function toActionFormation(a: ActionLegacy): ActionFormation {
  const dispositif = dispositifs[a.dispositif];
  return {
    codeAction: a.codeAction,
    intitule: a.intitule,
    dispositif,
    qualifiante: dispositif === 'QUALIF_PRO',
    certification: a.certification && { codeRncp: a.certification.codeRncp, intitule: a.certification.intitule },
    organisme: { raisonSociale: a.organisme.raisonSociale, siret: a.organisme.siret },
    lieu: a.lieu.commune,
    dateDebut: parseDateFr(a.dateDebut),
    dateFin: parseDateFr(a.dateFin),
    dureeHeures: a.dureeHeures,
  };
}
