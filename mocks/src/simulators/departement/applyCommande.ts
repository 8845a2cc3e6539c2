import type { BeneficiaireDepartement } from './BeneficiaireDepartement';
import type { CorpsCommande, NomCommande } from './commandSchemas';
import { aujourdhui, legacy } from './isoDates';
import { referentParId } from './referentsDepartement';
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
const transitionInterdite = refus(409, 'TRANSITION_INTERDITE', 'Changement de statut non autorisé');
const actifDe = (b: BeneficiaireDepartement) => b.referents.find((r) => r.dt_fin === null);

function referent<C extends 'designation-referent' | 'changement-referent'>(designation: boolean): Commande<C> {
  return ({ id_referent }, b, _seq, jour) => {
    const r = referentParId.get(id_referent);
    const actif = actifDe(b);
    if (!r) return refus(404, 'REFERENT_INCONNU', 'Référent inconnu');
    if (designation && actif) return refus(409, 'REFERENT_DEJA_ACTIF', 'Un référent est déjà actif : utiliser le changement de référent');
    if (!designation && !actif) return refus(409, 'AUCUN_REFERENT_ACTIF', 'Aucun référent actif à remplacer');
    if (actif?.id_referent === id_referent) return refus(409, 'MEME_REFERENT', 'Ce référent est déjà le référent actif');
    if (actif) actif.dt_fin = jour;
    b.referents.push({ id_referent, nom: r.nom, structure: r.structure, dt_debut: jour, dt_fin: null });
    return { id_objet: id_referent };
  };
}

/**
 * Every command's rules. Each works on the command's own copies of the file and the sequences
 * and checks every rule before writing; `applyCommande`'s caller commits the copies only when
 * no refusal comes back, so a refused command leaves the system exactly as it was.
 */
const commandes: { [C in NomCommande]: Commande<C> } = {
  'designation-referent': referent<'designation-referent'>(true),
  'changement-referent': referent<'changement-referent'>(false),
  orientation({ cd_type, lib_organisme }, b, _seq, jour) {
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
  'ajout-action'({ id_objectif, intitule, dt_echeance }, b, seq) {
    const o = b.objectifs.find((x) => x.id_objectif === id_objectif);
    if (!o) return objectifInconnu;
    if (o.cd_statut !== 'ENC') return refus(409, 'OBJECTIF_CLOS', 'Objectif clos : aucune action ne peut y être ajoutée');
    const id_action = nextId(seq, 'ACT');
    o.actions.push({ id_action, intitule, cd_statut: 'PREV', dt_echeance });
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
    b.rendez_vous.push({ id_rdv, dt_rdv, hr_rdv, lieu, objet, avec, cd_statut: 'PLA' });
    return { id_objet: id_rdv };
  },
  'annulation-rdv'({ id_rdv }, b) {
    const rdv = b.rendez_vous.find((r) => r.id_rdv === id_rdv);
    if (!rdv) return refus(404, 'RDV_INCONNU', 'Rendez-vous inconnu pour ce bénéficiaire');
    if (rdv.cd_statut === 'ANN') return refus(409, 'TRANSITION_INTERDITE', 'Rendez-vous déjà annulé');
    rdv.cd_statut = 'ANN';
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
};

/** Applies `commande` to copies of a file and of the sequences (see `commandes`). */
export function applyCommande<C extends NomCommande>(commande: C, corps: CorpsCommande<C>, b: BeneficiaireDepartement, seq: Sequences): Resultat {
  return (commandes[commande] as Commande<C>)(corps, b, seq, legacy(aujourdhui));
}
