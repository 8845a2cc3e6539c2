import { cleCellule, type Comptage, type Cube, type Dimension, type Lien } from '@passerelle/subgraph-kit';
import type { LigneStatistique, NomStatistiqueDepartement, StatistiqueDepartement } from '../legacy/types';
import { issueParcours, motif } from '../resolvers/codesDepartement';

/** `MotifParcours` as a dimension, in the schema's order. */
export const dimensionMotif: Dimension = {
  code: 'MOTIF',
  argument: 'motif',
  modalites: [
    { code: motif.RSA, libelle: 'Orientation RSA' },
    { code: motif.INS, libelle: 'Insertion' },
    { code: motif.LOG, libelle: 'Logement' },
    { code: motif.SAN, libelle: 'Santé' },
    { code: motif.MOB, libelle: 'Mobilité' },
    { code: motif.NUM, libelle: 'Numérique' },
    { code: motif.ADR, libelle: 'Accès aux droits' },
    { code: motif.BUD, libelle: 'Budget' },
    { code: motif.VIE, libelle: 'Vieillissement' },
    { code: motif.HAN, libelle: 'Handicap' },
    { code: motif.PAR, libelle: 'Parentalité' },
  ],
};

/** `StructureAccompagnement`: the partner of the référent's structure, fixed whatever the data. */
export const dimensionStructure: Dimension = {
  code: 'STRUCTURE',
  argument: 'structure',
  modalites: [
    { code: 'DEPARTEMENT', libelle: 'Département' },
    { code: 'FRANCE_TRAVAIL', libelle: 'France Travail' },
    { code: 'CAF', libelle: 'CAF' },
    { code: 'MSA', libelle: 'MSA' },
    { code: 'CARSAT', libelle: 'Carsat' },
    { code: 'BAILLEURS', libelle: 'Bailleurs sociaux' },
    { code: 'CHAMBRES_CONSULAIRES', libelle: 'Chambres consulaires' },
    { code: 'AUTRE_PARTENAIRE', libelle: 'Autre partenaire de Passerelle' },
    { code: 'HORS_PARTENAIRES', libelle: 'Structure hors partenaires (CCAS)' },
    { code: 'SANS_REFERENT', libelle: 'Sans référent' },
  ],
};
/** The system's structure code (a Passerelle partner code or its own two) → the modality. */
const structures: Readonly<Record<string, string>> = {
  departement: 'DEPARTEMENT',
  'france-travail': 'FRANCE_TRAVAIL',
  caf: 'CAF',
  msa: 'MSA',
  carsat: 'CARSAT',
  bailleurs: 'BAILLEURS',
  'chambres-consulaires': 'CHAMBRES_CONSULAIRES',
  HORS_PARTENAIRE: 'HORS_PARTENAIRES',
  SANS_REFERENT: 'SANS_REFERENT',
};

/** `IssueParcours` as a dimension, in the schema's order. */
export const dimensionIssue: Dimension = {
  code: 'ISSUE',
  argument: 'issue',
  modalites: [
    { code: issueParcours.OBJ, libelle: 'Objectifs atteints' },
    { code: issueParcours.REO, libelle: 'Réorientation' },
    { code: issueParcours.DEM, libelle: 'Déménagement' },
    { code: issueParcours.REN, libelle: 'À la demande de la personne' },
    { code: issueParcours.INJ, libelle: 'Sans nouvelles' },
    { code: issueParcours.SOR, libelle: 'Sortie du dispositif' },
    { code: issueParcours.DEC, libelle: 'Décès' },
    { code: issueParcours.FUS, libelle: "Rapprochement d'identité" },
  ],
};

/** `TailleEquipe`: active team members besides the référent. */
export const dimensionEquipe: Dimension = {
  code: 'EQUIPE',
  argument: 'equipe',
  modalites: [
    { code: 'AUCUN_MEMBRE', libelle: 'Aucun membre' },
    { code: 'UN_MEMBRE', libelle: 'Un membre' },
    { code: 'DEUX_MEMBRES', libelle: 'Deux membres' },
    { code: 'TROIS_MEMBRES_ET_PLUS', libelle: 'Trois membres et plus' },
  ],
};
const taille = (membres: string) => dimensionEquipe.modalites[Math.min(Number(membres), 3)]!.code;

/** `TrancheDelai`, for both delays. */
const tranches = [
  { code: 'MOINS_D_UN_MOIS', libelle: "Moins d'un mois" },
  { code: 'UN_A_DEUX_MOIS', libelle: 'De un à deux mois' },
  { code: 'DEUX_A_QUATRE_MOIS', libelle: 'De deux à quatre mois' },
  { code: 'QUATRE_MOIS_ET_PLUS', libelle: 'Quatre mois et plus' },
  { code: 'PAS_ENCORE', libelle: 'Pas encore' },
];
const tranche = { M0_1: 'MOINS_D_UN_MOIS', M1_2: 'UN_A_DEUX_MOIS', M2_4: 'DEUX_A_QUATRE_MOIS', M4_PLUS: 'QUATRE_MOIS_ET_PLUS', SANS: 'PAS_ENCORE' } as const;
export const dimensionDelaiOrientation: Dimension = { code: 'DELAI_ORIENTATION', argument: 'delaiOrientation', modalites: tranches };
export const dimensionDelaiContrat: Dimension = { code: 'DELAI_CONTRAT', argument: 'delaiContrat', modalites: tranches };

/** Each statistic's two dimensions and the modalities of one of its lines. */
const definitions: { [N in NomStatistiqueDepartement]: { dimensions: readonly [Dimension, Dimension]; modalites: (l: LigneStatistique<N>) => [string, string] } } = {
  'parcours-ouverts': { dimensions: [dimensionMotif, dimensionStructure], modalites: (l) => [motif[l.MOTIF], structures[l.STRUCTURE] ?? 'AUTRE_PARTENAIRE'] },
  'parcours-clos': { dimensions: [dimensionMotif, dimensionIssue], modalites: (l) => [motif[l.MOTIF], issueParcours[l.ISSUE]] },
  'parcours-en-cours': { dimensions: [dimensionMotif, dimensionEquipe], modalites: (l) => [motif[l.MOTIF], taille(l.EQUIPE)] },
  'delais-rsa': { dimensions: [dimensionDelaiOrientation, dimensionDelaiContrat], modalites: (l) => [tranche[l.DELAI_ORIENTATION], tranche[l.DELAI_CONTRAT]] },
};

/** The Département's count as the kit's cube: its two fixed dimensions, the system's codes mapped onto the schema's modalities. */
export function cubeDepartement<N extends NomStatistiqueDepartement>(nom: N, stats: StatistiqueDepartement<N>): Cube {
  const { dimensions, modalites } = definitions[nom];
  const comptages = new Map<string, Comptage>();
  for (const ligne of stats.lignes) {
    const key = cleCellule(...modalites(ligne));
    comptages.set(key, { effectif: (comptages.get(key)?.effectif ?? 0) + ligne.nb, montantCents: null });
  }
  const d = stats.dt_reference;
  return { dimensions, comptages, avecMontants: false, dateReference: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` };
}

/**
 * RSA parcours in progress (parcoursEnCours, motif RSA) = RSA beneficiaries owed an orientation
 * and oriented by the month's end (delaisRsa: all of them minus those not yet oriented). Not an
 * identity of the system (a parcours may outlive the right), but true of the seed and documented,
 * so the two stocks are protected as if the attacker could use it (docs/statistics.md). Figures
 * as in `protegerCubesLies`: cube 0 parcoursEnCours, cube 1 delaisRsa.
 */
export const lienRsaOriente: Lien = [
  [[0, dimensionMotif.modalites.findIndex((m) => m.code === motif.RSA), dimensionEquipe.modalites.length], 1],
  [[1, dimensionDelaiOrientation.modalites.length, dimensionDelaiContrat.modalites.length], -1],
  [[1, dimensionDelaiOrientation.modalites.findIndex((m) => m.code === 'PAS_ENCORE'), dimensionDelaiContrat.modalites.length], 1],
];
