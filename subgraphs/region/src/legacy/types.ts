import { z } from 'zod';

/** `JJ/MM/AAAA`, complete: the Région's system writes dates the French way (mocks/docs/region.md). */
export const dateFr = z.string().regex(/^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/\d{4}$/);
/** A month, `MM/AAAA`. */
const moisFr = z.string().regex(/^(0[1-9]|1[0-2])\/\d{4}$/);
/** An amount in euros as the system writes it: a string with a decimal comma and two decimals (`"685,00"`). */
export const montantFr = z.string().regex(/^\d{1,7},\d{2}$/);

/** Codes of the Région's system (mocks/docs/region.md). */
export const codeDispositifSchema = z.enum(['PPRO', 'QPRO']);
export type CodeDispositif = z.infer<typeof codeDispositifSchema>;
export const codeStatutSchema = z.enum(['10', '20', '30', '40']);
export type CodeStatut = z.infer<typeof codeStatutSchema>;
export const codeRegimeSchema = z.enum(['REG', 'AREF', 'SANS']);
export type CodeRegime = z.infer<typeof codeRegimeSchema>;
export const codeBaremeSchema = z.enum(['M18', 'J25', 'J25A', 'A26']);
export type CodeBareme = z.infer<typeof codeBaremeSchema>;
export const codeEtatRemunerationSchema = z.enum(['INS', 'PAI', 'SUS', 'CLO']);
export type CodeEtatRemuneration = z.infer<typeof codeEtatRemunerationSchema>;

export const actionSchema = z.object({
  codeAction: z.string().min(1),
  intitule: z.string().min(1),
  dispositif: codeDispositifSchema,
  certification: z.object({ codeRncp: z.string().regex(/^RNCP\d+$/), intitule: z.string().min(1) }).nullable(),
  organisme: z.object({ raisonSociale: z.string().min(1), siret: z.string().regex(/^\d{14}$/) }),
  lieu: z.object({ commune: z.string().min(1), codeInsee: z.string() }),
  dateDebut: dateFr,
  dateFin: dateFr,
  dureeHeures: z.number().int().min(0),
});
export type ActionLegacy = z.infer<typeof actionSchema>;

export const versementSchema = z.object({ periode: moisFr, dateVersement: dateFr, montant: montantFr });
export type VersementLegacy = z.infer<typeof versementSchema>;

export const remunerationSchema = z.object({ codeBareme: codeBaremeSchema, montantMensuel: montantFr, etat: codeEtatRemunerationSchema, versements: z.array(versementSchema) });
export type RemunerationLegacy = z.infer<typeof remunerationSchema>;

export const inscriptionSchema = z.object({
  action: actionSchema,
  codeStatut: codeStatutSchema,
  dateEntree: dateFr,
  dateSortie: dateFr.nullable(),
  heuresRealisees: z.number().int().min(0),
  regimeRemuneration: codeRegimeSchema,
  remuneration: remunerationSchema.nullable(),
});
export type InscriptionLegacy = z.infer<typeof inscriptionSchema>;

/** One trainee, echoing the NIR and date of birth asked for. */
export const stagiaireSchema = z.object({
  nir: z.string(),
  dateNaissance: dateFr,
  numeroStagiaire: z.string().regex(/^R76\d{7}$/),
  inscriptions: z.array(inscriptionSchema),
});
export type StagiaireLegacy = z.infer<typeof stagiaireSchema>;

/** The consultation's answer: the trainees found, and how many pairs identified nobody. */
export const consultationResponseSchema = z.object({ stagiaires: z.array(stagiaireSchema), nombreNonTrouves: z.number().int().min(0) });
