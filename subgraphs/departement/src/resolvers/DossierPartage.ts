import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { ActionLegacy, Beneficiaire, ObjectifLegacy } from '../legacy/types';
import { audience, statutAction, statutObjectif, statutRendezVous, theme } from './codesDepartement';

export type Objectif = ReturnType<typeof toObjectif>;
export type ActionAccompagnement = ReturnType<typeof toAction>;
export type Note = ReturnType<typeof toNote>;
export type RendezVous = ReturnType<typeof toRendezVous>;
export type ContratEngagement = NonNullable<ReturnType<typeof toContrat>>;

export function toAction(a: ActionLegacy) {
  return {
    id: a.id_action,
    intitule: a.intitule,
    statut: statutAction[a.cd_statut],
    echeance: a.dt_echeance === null ? null : parseLegacyDate(a.dt_echeance),
    structurePorteuse: a.structure_porteuse,
    partenairePorteur: a.partenaire_porteur,
  };
}

export function toObjectif(o: ObjectifLegacy) {
  return { id: o.id_objectif, theme: theme[o.cd_theme], intitule: o.intitule, statut: statutObjectif[o.cd_statut], dateCreation: parseLegacyDate(o.dt_creation), actions: o.actions.map(toAction) };
}

export function toNote(n: Beneficiaire['notes'][number]) {
  return { id: n.id_note, auteur: n.auteur, date: parseLegacyDate(n.dt_note), audience: audience[n.cd_audience], texte: n.texte };
}

export function toRendezVous(r: Beneficiaire['rendez_vous'][number]) {
  return {
    id: r.id_rdv,
    date: parseLegacyDate(r.dt_rdv),
    heure: `${r.hr_rdv.slice(0, 2)}:${r.hr_rdv.slice(2)}`,
    lieu: r.lieu,
    objet: r.objet,
    avec: r.avec,
    statut: statutRendezVous[r.cd_statut],
    reporteEn: r.id_rdv_report,
  };
}

/** The contract, its objectives resolved from the file (an id the file lacks is left out). */
export function toContrat(b: Beneficiaire) {
  if (!b.contrat) return null;
  const objectifs = b.contrat.objectifs.map((id) => b.objectifs.find((o) => o.id_objectif === id)).filter((o): o is ObjectifLegacy => o !== undefined);
  return { dateDebut: parseLegacyDate(b.contrat.dt_debut), dateFin: parseLegacyDate(b.contrat.dt_fin), objectifs: objectifs.map(toObjectif) };
}

/** The shared part of a Département file → `DossierPartage`, with the notes the caller may read only (`notesVisibles`). */
export function toDossierPartage(b: Beneficiaire, notes: Beneficiaire['notes']) {
  return { objectifs: b.objectifs.map(toObjectif), notes: notes.map(toNote), rendezVous: b.rendez_vous.map(toRendezVous), contratEngagement: toContrat(b) };
}
