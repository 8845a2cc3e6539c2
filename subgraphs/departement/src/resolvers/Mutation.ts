import { activeRoles, auteurOf, partnerCodePattern, passerelleError, requireAuteur } from '@passerelle/subgraph-kit';
import type { DepartementContext } from '../context';
import type { Beneficiaire } from '../legacy/types';
import { argumentInvalide, dateIso, heure, objectifIds, periode, texte } from '../validateArguments';
import { audience, codeOf, issueParcours, legacyCodeOfPartner, motif, partenaire, roleEquipe, statutAction, statutObjectif, theme, typeOrientation, type PartenaireSource } from './codesDepartement';
import { toAction, toContrat, toNote, toObjectif, toRendezVous } from './DossierPartage';
import { toMembreEquipe, toParcours } from './Parcours';
import { toOrientationRsa } from './DossierRsaDepartement';
import { toOpposition } from './OppositionPartage';
import { referentActif } from './ReferentDeParcours';
import { runCommande, type CommandeArgs } from './runCommande';

type Valeur<M> = M[keyof M];

/** What the payload shows must be in the file the system answered with; if not, the system broke its contract. */
function found<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', 'The departement system answered a command without what it changed.', { partenaire: 'departement' });
  return value;
}
const objectifOf = (b: Beneficiaire, id: string | null) => toObjectif(found(b.objectifs.find((o) => o.id_objectif === id)));
const actionOf = (b: Beneficiaire, id: string | null) => toAction(found(b.objectifs.flatMap((o) => o.actions).find((a) => a.id_action === id)));
const rendezVousOf = (b: Beneficiaire, id: string | null) => {
  const rdv = found(b.rendez_vous.find((r) => r.id_rdv === id));
  const nouveau = rdv.id_rdv_report === null ? null : found(b.rendez_vous.find((r) => r.id_rdv === rdv.id_rdv_report));
  return { rendezVous: toRendezVous(rdv), nouveauRendezVous: nouveau === null ? null : toRendezVous(nouveau) };
};
const parcoursOf = (b: Beneficiaire, id: string | null) => ({ parcours: toParcours(found(b.parcours.find((p) => p.id_parcours === id))) });
/** The professional's latest team line: the one just added or just ended (one active at most). */
const membreOf = (b: Beneficiaire, id: string | null) => ({ membre: toMembreEquipe(found(b.equipe.filter((m) => m.id_referent === id).at(-1))) });

/** Who carries a new action: the professional named, else the caller when they are a professional of the directory, else the Département (null). */
function porteurDe(ctx: DepartementContext, referentPorteurId: string | null | undefined): string | null {
  if (referentPorteurId != null) return referentPorteurId;
  const { caller, finalite } = ctx.appel;
  return caller !== null && finalite !== null && activeRoles(caller, finalite).includes('referent') ? caller.referentId : null;
}
/** The partner's latest objection: the one just recorded or just lifted (the system appends, one active at most). */
type PartnerArgs = { partenaire?: PartenaireSource | null; codePartenaire?: string | null };

/**
 * The register's code of the partner an objection names: by `codePartenaire` (any partner the
 * federation declares; the gateway checks it is one) or, for the founding partners, by the older
 * `partenaire` enum; exactly one of the two.
 */
function legacyPartnerCodeOf(a: PartnerArgs): string {
  const given = (a.partenaire != null ? 1 : 0) + (a.codePartenaire != null ? 1 : 0);
  if (given !== 1) throw argumentInvalide('codePartenaire', 'Name the partner with exactly one of codePartenaire and partenaire.');
  if (a.partenaire != null) return codeOf(partenaire, a.partenaire);
  const code = a.codePartenaire!;
  if (!partnerCodePattern.test(code)) throw argumentInvalide('codePartenaire', 'A partner code is made of lower-case letters, digits and hyphens (e.g. `caf`, `france-travail`).');
  return legacyCodeOfPartner(code);
}

const oppositionOf = (b: Beneficiaire, cd: string) => ({ opposition: toOpposition(found(b.oppositions.filter((o) => o.cd_partenaire === cd).at(-1))) });
const referentOf = (b: Beneficiaire) => ({ referentDeParcours: found(referentActif(b)) });

type Ctx = DepartementContext;

export const Mutation = {
  // `auteur`: recorded as who opened the RSA parcours when the designation opens it (an RSA beneficiary without one).
  designerReferent: (_: unknown, a: CommandeArgs & { referentId: string }, ctx: Ctx) =>
    runCommande(ctx, a, { nom: 'designation-referent', corps: { id_referent: a.referentId, auteur: auteurOf(ctx.appel) }, ecriture: 'pilotage' }, referentOf),

  changerReferent: (_: unknown, a: CommandeArgs & { referentId: string }, ctx: Ctx) =>
    runCommande(ctx, a, { nom: 'changement-referent', corps: { id_referent: a.referentId }, ecriture: 'pilotage' }, referentOf),

  ouvrirParcours: (_: unknown, a: CommandeArgs & { motif: Valeur<typeof motif> }, ctx: Ctx) =>
    runCommande(
      ctx,
      a,
      { nom: 'ouverture-parcours', corps: { cd_motif: codeOf(motif, a.motif), ouvert_par: requireAuteur(ctx.appel, 'departement') }, argument: 'motif', ecriture: 'ouverture' },
      parcoursOf,
    ),

  cloturerParcours: (_: unknown, a: CommandeArgs & { issue: Valeur<typeof issueParcours> }, ctx: Ctx) => {
    if (a.issue === 'RAPPROCHEMENT_IDENTITE') throw argumentInvalide('issue', 'RAPPROCHEMENT_IDENTITE is recorded by the system when identities are reconciled; choose another outcome.');
    return runCommande(ctx, a, { nom: 'cloture-parcours', corps: { cd_issue: codeOf(issueParcours, a.issue) }, ecriture: 'pilotage' }, parcoursOf);
  },

  ajouterMembreEquipe: (_: unknown, a: CommandeArgs & { referentId: string; role: Valeur<typeof roleEquipe>; fonction?: string | null }, ctx: Ctx) => {
    const corps = { id_referent: a.referentId, cd_role: codeOf(roleEquipe, a.role), fonction: a.fonction ? texte(a.fonction, 'fonction', 100) : null };
    return runCommande(ctx, a, { nom: 'ajout-membre-equipe', corps, ecriture: 'pilotage' }, membreOf);
  },

  retirerMembreEquipe: (_: unknown, a: CommandeArgs & { referentId: string }, ctx: Ctx) =>
    runCommande(ctx, a, { nom: 'retrait-membre-equipe', corps: { id_referent: a.referentId }, ecriture: 'pilotage' }, membreOf),

  orienter: (_: unknown, a: CommandeArgs & { type: Valeur<typeof typeOrientation>; organisme: string }, ctx: Ctx) => {
    const corps = { cd_type: codeOf(typeOrientation, a.type), lib_organisme: texte(a.organisme, 'organisme', 200) };
    return runCommande(ctx, a, { nom: 'orientation', corps, ecriture: 'pilotage' }, (b) => ({ orientation: toOrientationRsa(found(b.dossier_rsa?.orientation)) }));
  },

  creerObjectif: (_: unknown, a: CommandeArgs & { theme: Valeur<typeof theme>; intitule: string }, ctx: Ctx) => {
    const corps = { cd_theme: codeOf(theme, a.theme), intitule: texte(a.intitule, 'intitule', 200) };
    return runCommande(ctx, a, { nom: 'creation-objectif', corps, ecriture: 'pilotage' }, (b, id) => ({ objectif: objectifOf(b, id) }));
  },

  modifierObjectif: (_: unknown, a: CommandeArgs & { objectifId: string; intitule?: string | null; statut?: Valeur<typeof statutObjectif> | null }, ctx: Ctx) => {
    if (!a.intitule && !a.statut) throw argumentInvalide('intitule', 'Give intitule, statut or both.');
    const corps = { id_objectif: a.objectifId, ...(a.intitule ? { intitule: texte(a.intitule, 'intitule', 200) } : {}), ...(a.statut ? { cd_statut: codeOf(statutObjectif, a.statut) } : {}) };
    return runCommande(ctx, a, { nom: 'modification-objectif', corps, ecriture: 'pilotage' }, (b, id) => ({ objectif: objectifOf(b, id) }));
  },

  ajouterAction: (_: unknown, a: CommandeArgs & { objectifId: string; intitule: string; echeance?: string | null; referentPorteurId?: string | null }, ctx: Ctx) => {
    const corps = {
      id_objectif: a.objectifId,
      intitule: texte(a.intitule, 'intitule', 200),
      dt_echeance: a.echeance ? dateIso(a.echeance, 'echeance') : null,
      id_referent_porteur: porteurDe(ctx, a.referentPorteurId),
    };
    return runCommande(ctx, a, { nom: 'ajout-action', corps, argument: { REFERENT_INCONNU: 'referentPorteurId' }, ecriture: 'partage' }, (b, id) => ({ action: actionOf(b, id) }));
  },

  changerStatutAction: (_: unknown, a: CommandeArgs & { actionId: string; statut: Valeur<typeof statutAction> }, ctx: Ctx) =>
    runCommande(ctx, a, { nom: 'statut-action', corps: { id_action: a.actionId, cd_statut: codeOf(statutAction, a.statut) }, ecriture: 'partage' }, (b, id) => ({ action: actionOf(b, id) })),

  // `auteur` (deprecated) is ignored: the author is the caller of the signed context.
  ajouterNote: (_: unknown, a: CommandeArgs & { texte: string; audience: Valeur<typeof audience> }, ctx: Ctx) => {
    const corps = { texte: texte(a.texte, 'texte', 2000), cd_audience: codeOf(audience, a.audience), auteur: requireAuteur(ctx.appel, 'departement') };
    return runCommande(ctx, a, { nom: 'ajout-note', corps, ecriture: 'partage' }, (b, id) => ({ note: toNote(found(b.notes.find((n) => n.id_note === id))) }));
  },

  planifierRendezVous: (_: unknown, a: CommandeArgs & { date: string; heure: string; lieu: string; objet: string; avec: string }, ctx: Ctx) => {
    const corps = { dt_rdv: dateIso(a.date, 'date'), hr_rdv: heure(a.heure), lieu: texte(a.lieu, 'lieu', 200), objet: texte(a.objet, 'objet', 200), avec: texte(a.avec, 'avec', 100) };
    return runCommande(ctx, a, { nom: 'planification-rdv', corps, ecriture: 'partage' }, rendezVousOf);
  },

  annulerRendezVous: (_: unknown, a: CommandeArgs & { rendezVousId: string }, ctx: Ctx) =>
    runCommande(ctx, a, { nom: 'annulation-rdv', corps: { id_rdv: a.rendezVousId }, ecriture: 'partage' }, rendezVousOf),

  enregistrerIssueRendezVous: (
    _: unknown,
    a: CommandeArgs & { rendezVousId: string; issue: 'HONORE' | 'NON_HONORE' | 'REPORTE'; nouvelleDate?: string | null; nouvelleHeure?: string | null },
    ctx: Ctx,
  ) => {
    const report = a.nouvelleDate != null || a.nouvelleHeure != null;
    if (report && a.issue !== 'REPORTE') throw argumentInvalide('nouvelleDate', 'nouvelleDate and nouvelleHeure go with REPORTE only.');
    if (report && (a.nouvelleDate == null || a.nouvelleHeure == null))
      throw argumentInvalide(a.nouvelleDate == null ? 'nouvelleDate' : 'nouvelleHeure', 'Give both nouvelleDate and nouvelleHeure, or neither.');
    const corps = {
      id_rdv: a.rendezVousId,
      cd_issue: ({ HONORE: 'HON', NON_HONORE: 'NHO', REPORTE: 'REP' } as const)[a.issue],
      dt_report: report ? dateIso(a.nouvelleDate!, 'nouvelleDate') : null,
      hr_report: report ? heure(a.nouvelleHeure!, 'nouvelleHeure') : null,
    };
    return runCommande(ctx, a, { nom: 'issue-rdv', corps, ecriture: 'partage' }, rendezVousOf);
  },

  enregistrerContratEngagement: (_: unknown, a: CommandeArgs & { dateDebut: string; dateFin: string; objectifIds: string[] }, ctx: Ctx) => {
    const corps = { dt_debut: dateIso(a.dateDebut, 'dateDebut'), dt_fin: dateIso(a.dateFin, 'dateFin'), objectifs: objectifIds(a.objectifIds) };
    periode(corps.dt_debut, corps.dt_fin);
    return runCommande(ctx, a, { nom: 'contrat-engagement', corps, argument: 'objectifIds', ecriture: 'pilotage' }, (b) => ({ contratEngagement: found(toContrat(b)) }));
  },

  // `recueilliePar` (deprecated) is ignored: whoever records the objection is the caller of the signed context.
  enregistrerOpposition: (_: unknown, a: CommandeArgs & PartnerArgs, ctx: Ctx) => {
    const cd = legacyPartnerCodeOf(a);
    return runCommande(ctx, a, { nom: 'opposition', corps: { cd_partenaire: cd, recueillie_par: requireAuteur(ctx.appel, 'departement') } }, (b) => oppositionOf(b, cd));
  },

  leverOpposition: (_: unknown, a: CommandeArgs & PartnerArgs, ctx: Ctx) => {
    const cd = legacyPartnerCodeOf(a);
    return runCommande(ctx, a, { nom: 'levee-opposition', corps: { cd_partenaire: cd } }, (b) => oppositionOf(b, cd));
  },
};
