import type { BeneficiaireDepartement } from './BeneficiaireDepartement';
import type { CorpsCommande, NomCommande } from './commandSchemas';
import { aujourdhui, legacy } from './isoDates';
import { departementPorteur, professionnel, referentParId } from './referentsDepartement';
import { nextId, type Sequences } from './sequences';
import { transitionsAction, transitionsObjectif } from './transitionsDepartement';

/** A business refusal: nothing was changed. */
export interface Refus {
  status: 404 | 409;
  code_erreur: string;
  libelle: string;
}
/** What a command changed: the id of what it created or changed (null when there is none). */
export type Resultat = { id_objet: string | null } | Refus;
type Commande<C extends NomCommande> = (corps: CorpsCommande<C>, b: BeneficiaireDepartement, seq: Sequences, jour: string) => Resultat;

const refus = (status: Refus['status'], code_erreur: string, libelle: string): Refus => ({ status, code_erreur, libelle });
const objectifInconnu = refus(404, 'OBJECTIF_INCONNU', 'Objectif inconnu pour ce bénéficiaire');
const referentInconnu = refus(404, 'REFERENT_INCONNU', 'Référent inconnu');
const transitionInterdite = refus(409, 'TRANSITION_INTERDITE', 'Changement de statut non autorisé');
const aucunParcoursOuvert = refus(409, 'AUCUN_PARCOURS_OUVERT', 'Aucun parcours ouvert : ouvrir un parcours d’abord');
const actifDe = (b: BeneficiaireDepartement) => b.referents.find((r) => r.dt_fin === null);
const parcoursOuvert = (b: BeneficiaireDepartement) => b.parcours.find((p) => p.dt_cloture === null);
const membreActif = (b: BeneficiaireDepartement, id_referent: string) => b.equipe.find((m) => m.dt_fin === null && m.id_referent === id_referent);

function referent<C extends 'designation-referent' | 'changement-referent'>(designation: boolean): Commande<C> {
  return (corps, b, seq, jour) => {
    const { id_referent } = corps;
    const r = referentParId.get(id_referent);
    const actif = actifDe(b);
    if (!r) return referentInconnu;
    if (designation && actif) return refus(409, 'REFERENT_DEJA_ACTIF', 'Un référent est déjà actif : utiliser le changement de référent');
    if (!designation && !actif) return refus(409, 'AUCUN_REFERENT_ACTIF', 'Aucun référent actif à remplacer');
    if (actif?.id_referent === id_referent) return refus(409, 'MEME_REFERENT', 'Ce référent est déjà le référent actif');
    // A référent works within an open parcours; an RSA beneficiary's designation opens their RSA parcours (the orientation's).
    if (!parcoursOuvert(b)) {
      if (b.dossier_rsa === null) return aucunParcoursOuvert;
      const auteur = 'auteur' in corps && typeof corps.auteur === 'string' ? corps.auteur : 'CD12';
      b.parcours.push({ id_parcours: nextId(seq, 'PAR'), cd_motif: 'RSA', dt_ouverture: jour, ouvert_par: auteur, dt_cloture: null, cd_issue: null });
    }
    if (actif) actif.dt_fin = jour;
    // A team member who becomes the référent leaves the team: one role per professional.
    const membre = membreActif(b, id_referent);
    if (membre) membre.dt_fin = jour;
    b.referents.push({ ...professionnel(r), dt_debut: jour, dt_fin: null });
    return { id_objet: id_referent };
  };
}

const rdvPlanifie = (b: BeneficiaireDepartement, id_rdv: string): BeneficiaireDepartement['rendez_vous'][number] | Refus => {
  const rdv = b.rendez_vous.find((r) => r.id_rdv === id_rdv);
  if (!rdv) return refus(404, 'RDV_INCONNU', 'Rendez-vous inconnu pour ce bénéficiaire');
  if (rdv.cd_statut !== 'PLA') return refus(409, 'TRANSITION_INTERDITE', 'Rendez-vous déjà annulé, honoré, manqué ou reporté');
  return rdv;
};

/**
 * Every command's rules. Each works on the command's own copies of the file and the sequences
 * and checks every rule before writing; `applyCommande`'s caller commits the copies only when
 * no refusal comes back, so a refused command leaves the system exactly as it was.
 */
const commandes: { [C in NomCommande]: Commande<C> } = {
  'designation-referent': referent<'designation-referent'>(true),
  'changement-referent': referent<'changement-referent'>(false),
  orientation({ cd_type, lib_organisme }, b, _seq, jour) {
    if (b.dossier_rsa === null) return refus(409, 'SANS_DOSSIER_RSA', 'Aucun dossier RSA : pas d’orientation RSA');
    const current = b.dossier_rsa.orientation;
    if (current?.cd_type === cd_type && current.lib_organisme === lib_organisme) return refus(409, 'ORIENTATION_INCHANGEE', "Orientation identique à l'orientation en cours");
    b.dossier_rsa.orientation = { cd_type, lib_organisme, dt_orientation: jour };
    return { id_objet: null };
  },
  'creation-objectif'({ cd_theme, intitule }, b, seq, jour) {
    const id_objectif = nextId(seq, 'OBJ');
    b.objectifs.push({ id_objectif, cd_theme, intitule, cd_statut: 'ENC', dt_creation: jour, actions: [] });
    return { id_objet: id_objectif };
  },
  'modification-objectif'({ id_objectif, intitule, cd_statut }, b) {
    const o = b.objectifs.find((x) => x.id_objectif === id_objectif);
    if (!o) return objectifInconnu;
    if (transitionsObjectif[o.cd_statut].length === 0) return refus(409, 'OBJECTIF_CLOS', 'Objectif clos : il ne peut plus être modifié');
    if (cd_statut !== undefined && cd_statut !== o.cd_statut && !transitionsObjectif[o.cd_statut].includes(cd_statut)) return transitionInterdite;
    if (intitule !== undefined) o.intitule = intitule;
    if (cd_statut !== undefined) o.cd_statut = cd_statut;
    return { id_objet: id_objectif };
  },
  'ajout-action'({ id_objectif, intitule, dt_echeance, id_referent_porteur }, b, seq) {
    const o = b.objectifs.find((x) => x.id_objectif === id_objectif);
    if (!o) return objectifInconnu;
    const porteur = id_referent_porteur === null ? departementPorteur : referentParId.get(id_referent_porteur);
    if (!porteur) return referentInconnu;
    if (o.cd_statut !== 'ENC') return refus(409, 'OBJECTIF_CLOS', 'Objectif clos : aucune action ne peut y être ajoutée');
    const id_action = nextId(seq, 'ACT');
    o.actions.push({ id_action, intitule, cd_statut: 'PREV', dt_echeance, structure_porteuse: porteur.structure, partenaire_porteur: porteur.partenaire_passerelle });
    return { id_objet: id_action };
  },
  'statut-action'({ id_action, cd_statut }, b) {
    const action = b.objectifs.flatMap((o) => o.actions).find((a) => a.id_action === id_action);
    if (!action) return refus(404, 'ACTION_INCONNUE', 'Action inconnue pour ce bénéficiaire');
    if (!transitionsAction[action.cd_statut].includes(cd_statut)) return transitionInterdite;
    action.cd_statut = cd_statut;
    return { id_objet: id_action };
  },
  'ajout-note'({ auteur, cd_audience, texte }, b, seq, jour) {
    const id_note = nextId(seq, 'NOT');
    b.notes.push({ id_note, auteur, dt_note: jour, cd_audience, texte });
    return { id_objet: id_note };
  },
  'planification-rdv'({ dt_rdv, hr_rdv, lieu, objet, avec }, b, seq) {
    const id_rdv = nextId(seq, 'RDV');
    b.rendez_vous.push({ id_rdv, dt_rdv, hr_rdv, lieu, objet, avec, cd_statut: 'PLA', id_rdv_report: null });
    return { id_objet: id_rdv };
  },
  'annulation-rdv'({ id_rdv }, b) {
    const rdv = rdvPlanifie(b, id_rdv);
    if ('code_erreur' in rdv) return rdv;
    rdv.cd_statut = 'ANN';
    return { id_objet: id_rdv };
  },
  'issue-rdv'({ id_rdv, cd_issue, dt_report, hr_report }, b, seq) {
    const rdv = rdvPlanifie(b, id_rdv);
    if ('code_erreur' in rdv) return rdv;
    rdv.cd_statut = cd_issue;
    // Postponed to a known day and time: the same appointment is planned again, linked from the old one.
    if (dt_report !== null && hr_report !== null) {
      const id = nextId(seq, 'RDV');
      b.rendez_vous.push({ ...rdv, id_rdv: id, dt_rdv: dt_report, hr_rdv: hr_report, cd_statut: 'PLA', id_rdv_report: null });
      rdv.id_rdv_report = id;
    }
    return { id_objet: id_rdv };
  },
  'contrat-engagement'({ dt_debut, dt_fin, objectifs }, b) {
    if (objectifs.some((id) => !b.objectifs.some((o) => o.id_objectif === id))) return objectifInconnu;
    b.contrat = { dt_debut, dt_fin, objectifs: [...new Set(objectifs)] };
    return { id_objet: null };
  },
  opposition({ cd_partenaire, recueillie_par }, b, _seq, jour) {
    if (b.oppositions.some((o) => o.cd_partenaire === cd_partenaire && o.dt_levee === null)) return refus(409, 'OPPOSITION_DEJA_ACTIVE', 'Une opposition est déjà active pour ce partenaire');
    b.oppositions.push({ cd_partenaire, dt_opposition: jour, recueillie_par, dt_levee: null });
    return { id_objet: cd_partenaire };
  },
  'levee-opposition'({ cd_partenaire }, b, _seq, jour) {
    const active = b.oppositions.find((o) => o.cd_partenaire === cd_partenaire && o.dt_levee === null);
    if (!active) return refus(409, 'AUCUNE_OPPOSITION_ACTIVE', 'Aucune opposition active pour ce partenaire');
    active.dt_levee = jour;
    return { id_objet: cd_partenaire };
  },
  'ouverture-parcours'({ cd_motif, ouvert_par }, b, seq, jour) {
    if (parcoursOuvert(b)) return refus(409, 'PARCOURS_DEJA_OUVERT', 'Un parcours est déjà ouvert : le clôturer d’abord');
    if (cd_motif === 'RSA' && b.dossier_rsa === null) return refus(409, 'SANS_DOSSIER_RSA', 'Aucun dossier RSA : pas de parcours RSA');
    const id_parcours = nextId(seq, 'PAR');
    b.parcours.push({ id_parcours, cd_motif, dt_ouverture: jour, ouvert_par, dt_cloture: null, cd_issue: null });
    return { id_objet: id_parcours };
  },
  'cloture-parcours'({ cd_issue }, b, _seq, jour) {
    const ouvert = parcoursOuvert(b);
    if (!ouvert) return aucunParcoursOuvert;
    ouvert.dt_cloture = jour;
    ouvert.cd_issue = cd_issue;
    // Nobody keeps access to a closed parcours: the référent and every team member end today.
    for (const line of [...b.referents, ...b.equipe]) if (line.dt_fin === null) line.dt_fin = jour;
    return { id_objet: ouvert.id_parcours };
  },
  'ajout-membre-equipe'({ id_referent, cd_role, fonction }, b, _seq, jour) {
    const r = referentParId.get(id_referent);
    if (!r) return referentInconnu;
    if (!parcoursOuvert(b)) return aucunParcoursOuvert;
    if (actifDe(b)?.id_referent === id_referent) return refus(409, 'MEMBRE_EST_REFERENT', 'Ce professionnel est le référent actif : il ne peut pas être aussi membre de l’équipe');
    if (membreActif(b, id_referent)) return refus(409, 'MEMBRE_DEJA_ACTIF', 'Ce professionnel est déjà membre actif de l’équipe');
    b.equipe.push({ ...professionnel(r), cd_role, fonction, dt_debut: jour, dt_fin: null });
    return { id_objet: id_referent };
  },
  'retrait-membre-equipe'({ id_referent }, b, _seq, jour) {
    const membre = membreActif(b, id_referent);
    if (!membre) return refus(404, 'MEMBRE_INCONNU', 'Ce professionnel n’est pas membre actif de l’équipe');
    membre.dt_fin = jour;
    return { id_objet: id_referent };
  },
};

/** Applies `commande` to copies of a file and of the sequences (see `commandes`). */
export function applyCommande<C extends NomCommande>(commande: C, corps: CorpsCommande<C>, b: BeneficiaireDepartement, seq: Sequences): Resultat {
  return (commandes[commande] as Commande<C>)(corps, b, seq, legacy(aujourdhui));
}
