import { z } from 'zod';

/** `YYYYMMDD`, complete: the graph promises ISO dates. */
const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);

export const codeOrientationSchema = z.enum(['SOC', 'PRO', 'SOCPRO']);
export const codeThemeSchema = z.enum(['LOGEMENT', 'MOBILITE', 'SANTE', 'DIFF_FINANCIERES', 'DIFF_ADMINISTRATIVES', 'CONTRAINTES_FAMILIALES', 'LANGUE', 'NUMERIQUE', 'EMPLOI', 'FORMATION']);
export const codeStatutObjectifSchema = z.enum(['ENC', 'ATT', 'ABA']);
export const codeStatutActionSchema = z.enum(['PREV', 'ENCO', 'REAL', 'ATTE', 'ABAN', 'ANNU']);
export const codeAudienceSchema = z.enum(['REF', 'EQU', 'USA']);
export const codeMotifSchema = z.enum(['RSA', 'INS', 'LOG', 'SAN', 'MOB', 'NUM', 'ADR', 'BUD', 'VIE', 'HAN', 'PAR']);
export const codeIssueParcoursSchema = z.enum(['OBJ', 'REO', 'DEM', 'REN', 'INJ', 'SOR', 'DEC', 'FUS']);
export const codeRoleEquipeSchema = z.enum(['CON', 'LEC']);
export const codeStatutRdvSchema = z.enum(['PLA', 'ANN', 'HON', 'NHO', 'REP']);
/** A Passerelle partner code (`caf`, `france-travail`), as the directory records a professional's institution. */
const partenairePasserelle = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,30}$/)
  .nullable();
/** A professional as the file records them, référent or team member. */
const professionnelSchema = z.object({ id_referent: z.string(), nom: z.string(), structure: z.string(), partenaire_passerelle: partenairePasserelle });
/** A partner code of the objection register: FT and CD for France Travail and the Département, any other partner's Passerelle code in capitals (mocks/docs/departement.md). */
export const codePartenaireSchema = z.string().regex(/^[A-Z][A-Z0-9_]{1,30}$/);

const actionSchema = z.object({
  id_action: z.string(),
  intitule: z.string(),
  cd_statut: codeStatutActionSchema,
  dt_echeance: legacyDate.nullable(),
  structure_porteuse: z.string(),
  partenaire_porteur: partenairePasserelle,
});
const objectifSchema = z.object({
  id_objectif: z.string(),
  cd_theme: codeThemeSchema,
  intitule: z.string(),
  cd_statut: codeStatutObjectifSchema,
  dt_creation: legacyDate,
  actions: z.array(actionSchema),
});

/** One usager's file in the Département's system (mocks/docs/departement.md). */
export const beneficiaireSchema = z.object({
  nir: z.string(),
  dossier_rsa: z
    .object({
      cd_organisme_payeur: z.enum(['CAF', 'MSA']),
      no_dossier: z.string(),
      etat_dossier: z.enum(['0', '1', '2', '3', '4', '5', '6']),
      top_droits_devoirs: z.enum(['O', 'N']),
      dt_flux: legacyDate,
      orientation: z.object({ cd_type: codeOrientationSchema, lib_organisme: z.string(), dt_orientation: legacyDate }).nullable(),
    })
    .nullable(),
  parcours: z.array(
    z.object({ id_parcours: z.string(), cd_motif: codeMotifSchema, dt_ouverture: legacyDate, ouvert_par: z.string(), dt_cloture: legacyDate.nullable(), cd_issue: codeIssueParcoursSchema.nullable() }),
  ),
  referents: z.array(professionnelSchema.extend({ dt_debut: legacyDate, dt_fin: legacyDate.nullable() })),
  equipe: z.array(professionnelSchema.extend({ cd_role: codeRoleEquipeSchema, fonction: z.string().nullable(), dt_debut: legacyDate, dt_fin: legacyDate.nullable() })),
  objectifs: z.array(objectifSchema),
  notes: z.array(z.object({ id_note: z.string(), auteur: z.string(), dt_note: legacyDate, cd_audience: codeAudienceSchema, texte: z.string() })),
  rendez_vous: z.array(
    z.object({
      id_rdv: z.string(),
      dt_rdv: legacyDate,
      hr_rdv: z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/),
      lieu: z.string(),
      objet: z.string(),
      avec: z.string(),
      cd_statut: codeStatutRdvSchema,
      id_rdv_report: z.string().nullable(),
    }),
  ),
  contrat: z.object({ dt_debut: legacyDate, dt_fin: legacyDate, objectifs: z.array(z.string()) }).nullable(),
  oppositions: z.array(z.object({ cd_partenaire: codePartenaireSchema, dt_opposition: legacyDate, recueillie_par: z.string(), dt_levee: legacyDate.nullable() })),
});
export type Beneficiaire = z.infer<typeof beneficiaireSchema>;
export type ObjectifLegacy = z.infer<typeof objectifSchema>;
export type ActionLegacy = z.infer<typeof actionSchema>;
export type DossierRsaLegacy = NonNullable<Beneficiaire['dossier_rsa']>;

export const lotResponseSchema = z.object({ beneficiaires: z.array(beneficiaireSchema), nb_inconnus: z.number().int() });

export const portefeuilleResponseSchema = z.object({
  id_referent: z.string(),
  total: z.number().int().min(0),
  debut: z.number().int().min(0),
  nombre: z.number().int(),
  beneficiaires: z.array(beneficiaireSchema),
});
export type PagePortefeuille = z.infer<typeof portefeuilleResponseSchema>;

/** A command's answer: the id of what it created or changed, and the whole file after it. */
export const commandeResponseSchema = z.object({ id_objet: z.string().nullable(), beneficiaire: beneficiaireSchema });

/** A refusal: `404` or `409` with the system's code. */
export const refusSchema = z.object({ code_erreur: z.string(), libelle: z.string() });

/** A delay band of the system's RSA delays statistic: whole months elapsed under 1, 1, 2–3, 4 and more; `SANS` not yet. */
export const codeTrancheDelaiSchema = z.enum(['M0_1', 'M1_2', 'M2_4', 'M4_PLUS', 'SANS']);
const nb = z.number().int().min(1);
/** One line of each statistics endpoint (`GET /api/rsa/v1/statistiques/{statistique}`): the dimensions asked and the units counted. */
export const lignesStatistiques = {
  'parcours-ouverts': z.object({ MOTIF: codeMotifSchema, STRUCTURE: z.string().regex(/^[a-z][a-z0-9-]{1,30}$|^HORS_PARTENAIRE$|^SANS_REFERENT$/), nb }),
  'parcours-clos': z.object({ MOTIF: codeMotifSchema, ISSUE: codeIssueParcoursSchema, nb }),
  'parcours-en-cours': z.object({ MOTIF: codeMotifSchema, EQUIPE: z.string().regex(/^\d{1,3}$/), nb }),
  'delais-rsa': z.object({ DELAI_ORIENTATION: codeTrancheDelaiSchema, DELAI_CONTRAT: codeTrancheDelaiSchema, nb }),
} as const;
export type NomStatistiqueDepartement = keyof typeof lignesStatistiques;
export type LigneStatistique<N extends NomStatistiqueDepartement> = z.infer<(typeof lignesStatistiques)[N]>;
/** The answer of a statistics endpoint: the day the figures are as of and one line per non-empty group. */
export const statistiqueResponseSchema = <N extends NomStatistiqueDepartement>(nom: N) => z.object({ dt_reference: legacyDate, lignes: z.array(lignesStatistiques[nom]) });
export type StatistiqueDepartement<N extends NomStatistiqueDepartement> = { dt_reference: string; lignes: Array<LigneStatistique<N>> };
