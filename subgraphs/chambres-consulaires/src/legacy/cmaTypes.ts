import { z } from 'zod';

/** `YYYYMMDD`, complete (mocks/docs/cma.md). */
export const cmaDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
/** The CMA writes "none" as an empty string, never null. */
const cmaDateOrEmpty = z.union([cmaDate, z.literal('')]);

export const formeCmaSchema = z.enum(['ME', 'EI', 'SOC']);
export type FormeCma = z.infer<typeof formeCmaSchema>;
export const qualifCmaSchema = z.enum(['ART', 'MA', 'AA', 'NQ']);
export type QualifCma = z.infer<typeof qualifCmaSchema>;
export const codePrestationCmaSchema = z.enum(['INFO', 'SPI', 'DIAG', 'FORMA', 'SUIVI', 'REPR']);
export type CodePrestationCma = z.infer<typeof codePrestationCmaSchema>;

export const entrepriseCmaSchema = z.object({
  SIREN: z.string().regex(/^\d{9}$/),
  ENSEIGNE: z.string().min(1),
  FORME: formeCmaSchema,
  CODE_NAF: z.string().regex(/^\d{4}[A-Z]$/),
  ACTIVITE: z.string().min(1),
  QUALIF: qualifCmaSchema,
  DATE_IMMAT: cmaDate,
  DATE_RAD: cmaDateOrEmpty,
  ETAT: z.enum(['A', 'R']),
});
export type EntrepriseCma = z.infer<typeof entrepriseCmaSchema>;

export const prestationCmaSchema = z.object({ CODE: codePrestationCmaSchema, LIBELLE: z.string().min(1), DATE_DEB: cmaDate, DATE_FIN: cmaDateOrEmpty, SERVICE: z.string().min(1) });
export type PrestationCma = z.infer<typeof prestationCmaSchema>;

/** One artisan as the CMA typed them: upper case without accents, first names space-separated, birth place often empty. */
export const artisanCmaSchema = z.object({
  NOM: z.string().min(1),
  NOM_USAGE: z.string(),
  PRENOMS: z.string().min(1),
  DATE_NAISS: cmaDate,
  LIEU_NAISS: z.union([z.string().regex(/^(\d{5}|2[AB]\d{3})$/), z.literal('')]),
  ENTREPRISES: z.array(entrepriseCmaSchema),
  PRESTATIONS: z.array(prestationCmaSchema),
});
export type ArtisanCma = z.infer<typeof artisanCmaSchema>;

export const rechercheCmaSchema = z.object({ NB: z.number().int().min(0), ARTISANS: z.array(artisanCmaSchema) });
