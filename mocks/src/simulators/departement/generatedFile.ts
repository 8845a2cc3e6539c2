import type { BeneficiaireDepartement, CodeTheme } from './BeneficiaireDepartement';
import { codesTheme } from './BeneficiaireDepartement';
import { addDays, aujourdhui, legacy } from './isoDates';
import type { ReferentDirectoire } from './referentsDepartement';
import { nextId, type Sequences } from './sequences';

const intitules: Readonly<Record<CodeTheme, string>> = {
  LOGEMENT: 'Accéder à un logement adapté',
  MOBILITE: 'Lever les freins de mobilité',
  SANTE: 'Faire valoir ses droits à la couverture santé',
  DIFF_FINANCIERES: 'Établir un budget et réduire les dettes',
  DIFF_ADMINISTRATIVES: 'Mettre à jour ses démarches administratives',
  CONTRAINTES_FAMILIALES: 'Trouver un mode de garde',
  LANGUE: "Progresser en français à l'oral et à l'écrit",
  NUMERIQUE: 'Utiliser les services en ligne',
  EMPLOI: 'Retrouver un emploi durable',
  FORMATION: 'Suivre une formation qualifiante',
};

type Partage = Pick<BeneficiaireDepartement, 'objectifs' | 'notes' | 'rendez_vous' | 'contrat'>;

/**
 * A few shared-file items for a generated usager, drawn from `draw` (stable per person): an
 * objective with its actions for one in three, a note for one in four, an appointment for one in
 * six, a contrat d'engagement for one in eight of those with an objective *(shares unverified)*.
 * `depuis` is ISO (`YYYY-MM-DD`).
 */
export function generatedSharedFile(draw: number, referent: ReferentDirectoire, depuis: string, seq: Sequences): Partage {
  const partage: Partage = { objectifs: [], notes: [], rendez_vous: [], contrat: null };
  // The référent's structure carries the actions it sets.
  const porteur = { structure_porteuse: referent.structure, partenaire_porteur: referent.partenaire_passerelle };
  if (draw % 3 === 0) {
    const theme = codesTheme[draw % codesTheme.length]!;
    const id = nextId(seq, 'OBJ');
    partage.objectifs.push({
      id_objectif: id,
      cd_theme: theme,
      intitule: intitules[theme],
      cd_statut: 'ENC',
      dt_creation: legacy(depuis),
      actions: [
        { id_action: nextId(seq, 'ACT'), intitule: 'Premier rendez-vous avec la structure partenaire', cd_statut: 'REAL', dt_echeance: legacy(addDays(depuis, 30)), ...porteur },
        { id_action: nextId(seq, 'ACT'), intitule: 'Constitution du dossier', cd_statut: draw % 2 === 0 ? 'ENCO' : 'PREV', dt_echeance: legacy(addDays(aujourdhui, 60)), ...porteur },
      ],
    });
    if (draw % 8 === 0) partage.contrat = { dt_debut: legacy(depuis), dt_fin: legacy(addDays(addDays(depuis, 365), -1)), objectifs: [id] };
  }
  if (draw % 4 === 0)
    partage.notes.push({
      id_note: nextId(seq, 'NOT'),
      auteur: referent.nom,
      dt_note: legacy(addDays(depuis, 15)),
      cd_audience: 'EQU',
      texte: 'Premier entretien réalisé, diagnostic partagé avec la personne.',
    });
  if (draw % 6 === 0) {
    partage.rendez_vous.push({
      id_rdv: nextId(seq, 'RDV'),
      dt_rdv: legacy(addDays(aujourdhui, 1 + (draw % 20))),
      hr_rdv: '1000',
      lieu: referent.structure,
      objet: "Point d'étape",
      avec: referent.nom,
      cd_statut: 'PLA',
      id_rdv_report: null,
    });
  }
  return partage;
}
