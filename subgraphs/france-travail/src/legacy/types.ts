import { z } from 'zod';

/** `YYYYMMDD`, complete: the graph promises ISO dates, so a partial date is a contract breach. */
const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
/** An amount in integer cents, never negative. */
const cents = z.number().int().min(0);
/** France Travail's own identifier: 7 digits and a letter *(format simplified)*. */
const identifiant = z.string().regex(/^\d{7}[A-Z]$/);

/** Codes of France Travail's system (mocks/docs/france-travail.md). */
export const codeAllocationSchema = z.enum(['ARE', 'ASS']);
export type CodeAllocation = z.infer<typeof codeAllocationSchema>;
export const codeCategorieSchema = z.enum(['1', '2', '3', '4', '5']);
export type CodeCategorie = z.infer<typeof codeCategorieSchema>;
export const codeContrainteSchema = z.enum(['MOBILITE', 'LOGEMENT', 'SANTE', 'GARDE_ENFANTS', 'LANGUE', 'NUMERIQUE', 'FINANCIERE', 'ADMINISTRATIVE']);
export const codeBesoinSchema = z.enum(['FORMATION', 'ACCOMPAGNEMENT_RENFORCE', 'PERMIS_CONDUIRE', 'AIDE_NUMERIQUE', 'APPRENTISSAGE_FRANCAIS', 'CREATION_ENTREPRISE']);

/** Step 1: a pair France Travail identified, echoed with the identifiant it follows the person under. */
export const identificationSchema = z.object({ nir: z.string(), date_naissance: legacyDate, identifiant });
export type IdentificationLegacy = z.infer<typeof identificationSchema>;

export const identificationResponseSchema = z.object({ individus_identifies: z.array(identificationSchema), nb_non_identifies: z.number().int().min(0) });

export const inscriptionSchema = z.object({ code_categorie: codeCategorieSchema, date_inscription: legacyDate });
export type InscriptionLegacy = z.infer<typeof inscriptionSchema>;

export const indemnisationSchema = z.object({ code_allocation: codeAllocationSchema, montant_journalier: cents, date_debut: legacyDate, date_fin_droits: legacyDate });
export type IndemnisationLegacy = z.infer<typeof indemnisationSchema>;

export const paiementSchema = z.object({ date_paiement: legacyDate, code_allocation: codeAllocationSchema, montant: cents });
export type PaiementLegacy = z.infer<typeof paiementSchema>;

export const diagnosticSchema = z.object({ date_diagnostic: legacyDate, contraintes: z.array(codeContrainteSchema), besoins: z.array(codeBesoinSchema) });
export type DiagnosticLegacy = z.infer<typeof diagnosticSchema>;

/** Step 2: a job seeker's file. */
export const dossierSchema = z.object({
  identifiant,
  inscription: inscriptionSchema,
  indemnisation: indemnisationSchema.nullable(),
  paiements: z.array(paiementSchema),
  conseiller: z.object({ nom: z.string().min(1), agence: z.string().min(1) }),
  diagnostic: diagnosticSchema,
});
export type DossierLegacy = z.infer<typeof dossierSchema>;

export const dossiersResponseSchema = z.object({ dossiers: z.array(dossierSchema), identifiants_inconnus: z.array(z.string()) });

/** France Travail's statistics of job seekers: counts by category (1–5) and band of registration duration on the reference date. */
export const statistiquesDemandeursSchema = z.object({
  date_reference: legacyDate,
  effectifs: z.array(z.object({ categorie: z.number().int().min(1).max(5), tranche_anciennete: z.enum(['00-03', '03-06', '06-12', '12-24', '24+']), nb_demandeurs: z.number().int().min(1) })),
});
export type StatistiquesDemandeurs = z.infer<typeof statistiquesDemandeursSchema>;

/** The job seekers a criterion of the extraction endpoint selects, by NIR (for crossings only). */
export const extractionFranceTravailSchema = z.object({ date_reference: legacyDate, critere: z.literal('CATEGORIE_1'), nirs: z.array(z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/)) });
