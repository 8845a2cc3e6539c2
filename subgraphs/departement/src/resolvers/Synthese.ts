import type { Beneficiaire } from '../legacy/types';
import type { PartenaireSource } from './codesDepartement';

type StatutC2s = 'NON' | 'SANS_PARTICIPATION' | 'AVEC_PARTICIPATION';
type Droits = { droits: Array<{ prestation: string; montantMensuel: number }> };

/**
 * The other partners' fields `synthese` @requires, as the gateway sends them. null or absent:
 * the partner does not know the person, or could not be reached (its own field then carries the
 * error; the summary is built from what the other partners gave).
 */
export interface DonneesRequises {
  caf?: Droits | null;
  msa?: { prestationsFamiliales: Droits | null; couvertureSante: { c2s: { statut: StatutC2s; dateFin: string | null } } } | null;
  cpam?: { c2s: { statut: StatutC2s; dateFin: string | null } } | null;
  carsat?: { aspa: { montantMensuel: number } | null } | null;
  franceTravail?: { indemnisation: { allocation: 'ARE' | 'ASS'; montantJournalier: number; dateFinDroits: string } | null } | null;
  logementSocial?: {
    bailleurs: Array<{ bailleur: { code: string; nom: string }; baux: Array<{ moisImpayes: number; solde: number; planApurement: { respecte: boolean } | null }> } | null>;
  } | null;
  hebergement?: { demandeEnCours: { reference: string; type: 'URGENCE' | 'INSERTION'; statut: 'EN_ATTENTE' | 'ORIENTEE' | 'HEBERGEE' | 'CLOTUREE' } | null } | null;
  formationProfessionnelle?: {
    formations: Array<{ statut: 'INSCRIT' | 'EN_COURS' | 'ABANDON' | 'TERMINE'; dateSortie: string | null; action: { intitule: string; dispositif: 'PROJET_PRO' | 'QUALIF_PRO' } }>;
    remunerationEnCours: { montantMensuel: number; etat: 'EN_INSTRUCTION' | 'EN_PAIEMENT' | 'SUSPENDUE' | 'CLOSE' } | null;
  } | null;
  chambresConsulaires?: {
    chambres: Array<{
      chambre: { code: 'CCI' | 'CMA' | 'CHAMBRE_AGRICULTURE' };
      entreprises: Array<{ forme: 'MICRO_ENTREPRENEUR' | 'ENTREPRISE_INDIVIDUELLE' | 'SOCIETE'; etat: 'ACTIVE' | 'RADIEE' }>;
      exploitantEnDifficulte: { etat: string; enCours: boolean; dispositif: 'CELLULE_REAGIR' | 'AREA' | 'PROCEDURE_COLLECTIVE' } | null;
    } | null>;
  } | null;
}

type DroitSynthese = 'RSA' | 'PRIME_ACTIVITE' | 'AAH' | 'AIDE_LOGEMENT' | 'C2S_SANS_PARTICIPATION' | 'C2S_AVEC_PARTICIPATION' | 'ARE' | 'ASS' | 'ASPA' | 'REMUNERATION_FORMATION';
export interface DroitOuvert {
  droit: DroitSynthese;
  partenaire: PartenaireSource;
  montantMensuel: number | null;
  dateFin: string | null;
}
export interface Alerte {
  type:
    | 'RSA_SUSPENDU'
    | 'SANS_REFERENT'
    | 'IMPAYE_LOYER'
    | 'PLAN_APUREMENT_NON_RESPECTE'
    | 'DEMANDE_HEBERGEMENT'
    | 'FORMATION_ABANDONNEE'
    | 'REMUNERATION_SUSPENDUE'
    | 'EXPLOITANT_EN_DIFFICULTE'
    | 'ACTIVITE_INDEPENDANTE';
  partenaire: PartenaireSource;
  message: string;
}
export interface Synthese {
  droitsOuverts: DroitOuvert[];
  alertes: Alerte[];
}

/** Family-file benefits the summary shows (CAF and MSA share the codes); RSA comes from the Département's own file. */
const droitsFamiliaux: Readonly<Record<string, DroitSynthese>> = { PRIME_ACTIVITE: 'PRIME_ACTIVITE', AAH: 'AAH', APL: 'AIDE_LOGEMENT', ALF: 'AIDE_LOGEMENT', ALS: 'AIDE_LOGEMENT' };
/** France Travail pays allowances by the day; the summary shows 30 days, as its monthly payments do. */
const joursParMois = 30;
const euros = (amount: number) => `${amount.toFixed(2).replace('.', ',')} €`;
const round2 = (amount: number) => Math.round(amount * 100) / 100;

function rsa(b: Beneficiaire | null, requises: DonneesRequises): { droits: DroitOuvert[]; alertes: Alerte[] } {
  if (!b?.dossier_rsa) return { droits: [], alertes: [] };
  const { etat_dossier: etat, cd_organisme_payeur: payeur, top_droits_devoirs: soumis } = b.dossier_rsa;
  if (etat !== '2' && etat !== '3' && etat !== '4') return { droits: [], alertes: [] };
  // The amount is the payer's: CAF's or MSA's family file.
  const dossierPayeur = payeur === 'CAF' ? requises.caf : requises.msa?.prestationsFamiliales;
  const montant = dossierPayeur?.droits.find((d) => d.prestation === 'RSA')?.montantMensuel ?? null;
  const alertes: Alerte[] = [];
  if (etat === '3') alertes.push({ type: 'RSA_SUSPENDU', partenaire: payeur, message: 'RSA suspendu (état 3).' });
  if (etat === '4') alertes.push({ type: 'RSA_SUSPENDU', partenaire: payeur, message: 'Versement du RSA suspendu (état 4).' });
  if (soumis === 'O' && !b.referents.some((r) => r.dt_fin === null)) {
    alertes.push({ type: 'SANS_REFERENT', partenaire: 'DEPARTEMENT', message: 'Soumis aux droits et devoirs sans référent de parcours actif.' });
  }
  return { droits: [{ droit: 'RSA', partenaire: payeur, montantMensuel: montant, dateFin: null }], alertes };
}

function famille(dossier: Droits | null | undefined, partenaire: 'CAF' | 'MSA'): DroitOuvert[] {
  return (dossier?.droits ?? []).flatMap((d): DroitOuvert[] => {
    const droit = droitsFamiliaux[d.prestation];
    return droit ? [{ droit, partenaire, montantMensuel: d.montantMensuel, dateFin: null }] : [];
  });
}

function c2s(couverture: { statut: StatutC2s; dateFin: string | null } | undefined, partenaire: 'CPAM' | 'MSA'): DroitOuvert[] {
  if (!couverture || couverture.statut === 'NON') return [];
  return [{ droit: couverture.statut === 'SANS_PARTICIPATION' ? 'C2S_SANS_PARTICIPATION' : 'C2S_AVEC_PARTICIPATION', partenaire, montantMensuel: null, dateFin: couverture.dateFin }];
}

function chomage(ft: DonneesRequises['franceTravail']): DroitOuvert[] {
  const i = ft?.indemnisation;
  return i ? [{ droit: i.allocation, partenaire: 'FRANCE_TRAVAIL', montantMensuel: round2(i.montantJournalier * joursParMois), dateFin: i.dateFinDroits }] : [];
}

function aspa(carsat: DonneesRequises['carsat']): DroitOuvert[] {
  const a = carsat?.aspa;
  return a ? [{ droit: 'ASPA', partenaire: 'CARSAT', montantMensuel: a.montantMensuel, dateFin: null }] : [];
}

function logement(l: DonneesRequises['logementSocial']): Alerte[] {
  return (l?.bailleurs ?? []).flatMap((situation) =>
    (situation?.baux ?? []).flatMap((bail): Alerte[] => [
      ...(bail.moisImpayes > 0
        ? [{ type: 'IMPAYE_LOYER' as const, partenaire: 'BAILLEURS' as const, message: `${bail.moisImpayes} mois de loyer impayés chez ${situation!.bailleur.nom} (solde ${euros(bail.solde)}).` }]
        : []),
      ...(bail.planApurement?.respecte === false
        ? [{ type: 'PLAN_APUREMENT_NON_RESPECTE' as const, partenaire: 'BAILLEURS' as const, message: `Plan d'apurement non respecté chez ${situation!.bailleur.nom}.` }]
        : []),
    ]),
  );
}

const statutsSiao = { EN_ATTENTE: 'en attente de place', ORIENTEE: 'orientée, pas encore hébergée', HEBERGEE: 'hébergée', CLOTUREE: 'clôturée' } as const;

function hebergement(h: DonneesRequises['hebergement']): Alerte[] {
  const d = h?.demandeEnCours;
  if (!d || d.statut === 'CLOTUREE') return [];
  const type = d.type === 'URGENCE' ? "d'hébergement d'urgence" : 'de logement adapté';
  return [{ type: 'DEMANDE_HEBERGEMENT', partenaire: 'SIAO', message: `Demande ${type} au SIAO ${d.reference} : ${statutsSiao[d.statut]}.` }];
}

/** The Région's rémunération of a trainee while it is being paid or suspended; its suspension and an abandoned latest training are alerts. */
function formation(f: DonneesRequises['formationProfessionnelle']): { droits: DroitOuvert[]; alertes: Alerte[] } {
  const remuneration = f?.remunerationEnCours;
  const paid = remuneration && (remuneration.etat === 'EN_PAIEMENT' || remuneration.etat === 'SUSPENDUE');
  const droits: DroitOuvert[] = paid ? [{ droit: 'REMUNERATION_FORMATION', partenaire: 'REGION', montantMensuel: remuneration.montantMensuel, dateFin: null }] : [];
  const alertes: Alerte[] = [];
  if (remuneration?.etat === 'SUSPENDUE') alertes.push({ type: 'REMUNERATION_SUSPENDUE', partenaire: 'REGION', message: 'Rémunération de stagiaire de la Région suspendue.' });
  // Formations come most recent first: only the latest one's abandonment calls for attention.
  const latest = f?.formations[0];
  if (latest?.statut === 'ABANDON') {
    alertes.push({ type: 'FORMATION_ABANDONNEE', partenaire: 'REGION', message: `Formation abandonnée${latest.dateSortie ? ` le ${latest.dateSortie}` : ''} : ${latest.action.intitule}.` });
  }
  return { droits, alertes };
}

const dispositifsDifficulte = { CELLULE_REAGIR: 'cellule Réagir', AREA: 'AREA (aide à la relance de l’exploitation agricole)', PROCEDURE_COLLECTIVE: 'procédure collective' } as const;
const formes = { MICRO_ENTREPRENEUR: 'micro-entreprise', ENTREPRISE_INDIVIDUELLE: 'entreprise individuelle', SOCIETE: 'société' } as const;
const chambres = { CCI: 'la CCI', CMA: 'la Chambre de métiers et de l’artisanat', CHAMBRE_AGRICULTURE: 'la Chambre d’agriculture' } as const;

/** A farmer in difficulty followed by a chamber, and any active business registered at one (self-employed income to declare). */
function consulaire(c: DonneesRequises['chambresConsulaires']): Alerte[] {
  return (c?.chambres ?? []).flatMap((situation): Alerte[] => {
    if (!situation) return [];
    const suivi = situation.exploitantEnDifficulte;
    return [
      ...(suivi?.enCours
        ? [
            {
              type: 'EXPLOITANT_EN_DIFFICULTE' as const,
              partenaire: 'CHAMBRES_CONSULAIRES' as const,
              message: `Exploitant en difficulté suivi par ${chambres[situation.chambre.code]} (${dispositifsDifficulte[suivi.dispositif]}).`,
            },
          ]
        : []),
      ...situation.entreprises
        .filter((e) => e.etat === 'ACTIVE')
        .map((e) => ({
          type: 'ACTIVITE_INDEPENDANTE' as const,
          partenaire: 'CHAMBRES_CONSULAIRES' as const,
          message: `Activité indépendante active (${formes[e.forme]}) immatriculée auprès de ${chambres[situation.chambre.code]} : revenus à déclarer.`,
        })),
    ];
  });
}

/**
 * Open rights and alerts at a glance, across partners: RSA from the Département's own file
 * (amount from whoever pays it), then the family file's rights (CAF or MSA, in their order),
 * the C2S (CPAM or MSA), ARE/ASS, ASPA, the Région's trainee pay; alerts from the RSA file, the
 * landlords, the SIAO, the Région and the chambres consulaires.
 */
export function computeSynthese(b: Beneficiaire | null, requises: DonneesRequises): Synthese {
  const fromRsa = rsa(b, requises);
  const fromFormation = formation(requises.formationProfessionnelle);
  return {
    droitsOuverts: [
      ...fromRsa.droits,
      ...famille(requises.caf, 'CAF'),
      ...famille(requises.msa?.prestationsFamiliales, 'MSA'),
      ...c2s(requises.cpam?.c2s, 'CPAM'),
      ...c2s(requises.msa?.couvertureSante.c2s, 'MSA'),
      ...chomage(requises.franceTravail),
      ...aspa(requises.carsat),
      ...fromFormation.droits,
    ],
    alertes: [...fromRsa.alertes, ...logement(requises.logementSocial), ...hebergement(requises.hebergement), ...fromFormation.alertes, ...consulaire(requises.chambresConsulaires)],
  };
}
