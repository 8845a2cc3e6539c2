import { z } from 'zod';

/** `YYYY-MM-DD`, complete: the CCI speaks ISO dates (mocks/docs/cci.md). */
export const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
/** A SIREN: 9 digits (the check digit is not verified: a few historical SIRENs fail Luhn). */
export const siren = z.string().regex(/^\d{9}$/);

/** INSEE catégories juridiques the CCI's file uses. */
export const categorieJuridiqueSchema = z.enum(['1000', '5499', '5498', '5710', '5720']);
export type CategorieJuridique = z.infer<typeof categorieJuridiqueSchema>;
/** The CCI's service codes. */
export const codePrestationCciSchema = z.enum(['INFO', '5JPE', 'DIAG', 'FORM', 'SUIVI', 'REPR']);
export type CodePrestationCci = z.infer<typeof codePrestationCciSchema>;

export const entrepriseCciSchema = z.object({
  siren,
  denomination: z.string().min(1),
  categorieJuridique: categorieJuridiqueSchema,
  microEntrepreneur: z.boolean(),
  codeNaf: z.string().regex(/^\d{2}\.\d{2}[A-Z]$/),
  activite: z.string().min(1),
  dateImmatriculation: isoDate,
  dateRadiation: isoDate.nullable(),
});
export type EntrepriseCci = z.infer<typeof entrepriseCciSchema>;

export const prestationCciSchema = z.object({ code: codePrestationCciSchema, libelle: z.string().min(1), debut: isoDate, fin: isoDate.nullable(), service: z.string().min(1) });
export type PrestationCci = z.infer<typeof prestationCciSchema>;

/** One ressortissant: the head of business as registered (no NIR), their businesses, the support received. */
export const ressortissantCciSchema = z.object({
  identite: z.object({
    nomNaissance: z.string().min(1),
    nomUsage: z.string().min(1).nullable(),
    prenoms: z.array(z.string().min(1)).min(1),
    dateNaissance: isoDate,
    codeCommuneNaissance: z.string().regex(/^(\d{5}|2[AB]\d{3})$/),
  }),
  entreprises: z.array(entrepriseCciSchema),
  prestations: z.array(prestationCciSchema),
});
export type RessortissantCci = z.infer<typeof ressortissantCciSchema>;

export const rechercheCciSchema = z.object({ ressortissants: z.array(ressortissantCciSchema) });
