import type { z } from 'zod';
import type {
  codeAudienceSchema,
  codeIssueParcoursSchema,
  codeMotifSchema,
  codeOrientationSchema,
  codePartenaireSchema,
  codeRoleEquipeSchema,
  codeStatutActionSchema,
  codeStatutObjectifSchema,
  codeStatutRdvSchema,
  codeThemeSchema,
} from '../legacy/types';

type Code<S extends z.ZodType> = z.infer<S>;

/** The `EtatRsaDepartement` values, indexed by their ETATDOSRSA code (0–6). */
export const etatsRsa = ['EN_ATTENTE', 'REFUSE', 'OUVERT_VERSE', 'OUVERT_SUSPENDU', 'OUVERT_VERSEMENT_SUSPENDU', 'CLOS', 'CLOS_MOIS_ANTERIEUR'] as const;
export type EtatRsaDepartement = (typeof etatsRsa)[number];

export const typeOrientation = { SOC: 'SOCIAL', PRO: 'PROFESSIONNEL', SOCPRO: 'SOCIO_PROFESSIONNEL' } as const satisfies Record<Code<typeof codeOrientationSchema>, string>;
export const theme = {
  LOGEMENT: 'LOGEMENT',
  MOBILITE: 'MOBILITE',
  SANTE: 'SANTE',
  DIFF_FINANCIERES: 'DIFFICULTES_FINANCIERES',
  DIFF_ADMINISTRATIVES: 'DIFFICULTES_ADMINISTRATIVES',
  CONTRAINTES_FAMILIALES: 'CONTRAINTES_FAMILIALES',
  LANGUE: 'MAITRISE_DE_LA_LANGUE',
  NUMERIQUE: 'NUMERIQUE',
  EMPLOI: 'EMPLOI',
  FORMATION: 'FORMATION',
} as const satisfies Record<Code<typeof codeThemeSchema>, string>;
export const statutObjectif = { ENC: 'EN_COURS', ATT: 'ATTEINT', ABA: 'ABANDONNE' } as const satisfies Record<Code<typeof codeStatutObjectifSchema>, string>;
export const statutAction = { PREV: 'PREVUE', ENCO: 'EN_COURS', REAL: 'REALISEE', ATTE: 'EN_ATTENTE', ABAN: 'ABANDONNEE', ANNU: 'ANNULEE' } as const satisfies Record<
  Code<typeof codeStatutActionSchema>,
  string
>;
export const motif = {
  RSA: 'RSA',
  INS: 'INSERTION',
  LOG: 'LOGEMENT',
  SAN: 'SANTE',
  MOB: 'MOBILITE',
  NUM: 'NUMERIQUE',
  ADR: 'ACCES_AUX_DROITS',
  BUD: 'BUDGET',
  VIE: 'VIEILLISSEMENT',
  HAN: 'HANDICAP',
  PAR: 'PARENTALITE',
} as const satisfies Record<Code<typeof codeMotifSchema>, string>;
export const issueParcours = {
  OBJ: 'OBJECTIFS_ATTEINTS',
  REO: 'REORIENTATION',
  DEM: 'DEMENAGEMENT',
  REN: 'FIN_A_LA_DEMANDE_DE_LA_PERSONNE',
  INJ: 'SANS_NOUVELLES',
  SOR: 'SORTIE_DU_DISPOSITIF',
  DEC: 'DECES',
  FUS: 'RAPPROCHEMENT_IDENTITE',
} as const satisfies Record<Code<typeof codeIssueParcoursSchema>, string>;
export const roleEquipe = { CON: 'CONTRIBUTEUR', LEC: 'LECTEUR' } as const satisfies Record<Code<typeof codeRoleEquipeSchema>, string>;
export const statutRendezVous = { PLA: 'PLANIFIE', ANN: 'ANNULE', HON: 'HONORE', NHO: 'NON_HONORE', REP: 'REPORTE' } as const satisfies Record<Code<typeof codeStatutRdvSchema>, string>;
export const audience = { REF: 'REFERENT', EQU: 'EQUIPE', USA: 'USAGER' } as const satisfies Record<Code<typeof codeAudienceSchema>, string>;
/** The `PartenaireSource` values by legacy code (the founding partners and those the summary shows); other partners have none (use `codePartenaire`). */
export const partenaire: Readonly<Record<string, PartenaireSource>> = {
  CAF: 'CAF',
  MSA: 'MSA',
  CPAM: 'CPAM',
  CARSAT: 'CARSAT',
  FT: 'FRANCE_TRAVAIL',
  BAILLEURS: 'BAILLEURS',
  SIAO: 'SIAO',
  CD: 'DEPARTEMENT',
  REGION: 'REGION',
  CHAMBRES_CONSULAIRES: 'CHAMBRES_CONSULAIRES',
};

export type PartenaireSource = 'CAF' | 'MSA' | 'CPAM' | 'CARSAT' | 'FRANCE_TRAVAIL' | 'BAILLEURS' | 'SIAO' | 'DEPARTEMENT' | 'REGION' | 'CHAMBRES_CONSULAIRES';

/** Legacy codes that are not the Passerelle code in capitals: the register predates Passerelle. */
const legacyAliases: Readonly<Record<string, string>> = { FT: 'france-travail', CD: 'departement' };

/** The Passerelle partner code (`france-travail`) of a legacy code (`FT`). */
export function partnerCodeOfLegacy(code: Code<typeof codePartenaireSchema>): string {
  return legacyAliases[code] ?? code.toLowerCase().replace(/_/g, '-');
}

/** The legacy code (`FT`) of a Passerelle partner code (`france-travail`). */
export function legacyCodeOfPartner(code: string): string {
  return Object.keys(legacyAliases).find((legacy) => legacyAliases[legacy] === code) ?? code.toUpperCase().replace(/-/g, '_');
}

/** The legacy code of a graph enum value: the inverse of one of the maps above. */
export function codeOf<K extends string, V extends string>(map: Readonly<Record<K, V>>, value: V): K {
  const found = (Object.keys(map) as K[]).find((key) => map[key] === value);
  // Graph enum values are validated by GraphQL and every map covers its enum, so this cannot miss.
  if (found === undefined) throw new RangeError('unmapped enum value');
  return found;
}
