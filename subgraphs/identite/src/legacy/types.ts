import { z } from 'zod';

/** An individual as the SNGI returns it (mocks/docs/sngi.md). */
export const individuSchema = z.object({
  NIR: z.string(),
  SEXE: z.enum(['1', '2']),
  NOM_NAISSANCE: z.string().min(1),
  NOM_USAGE: z.string().nullable(),
  PRENOMS: z.string(),
  DATE_NAISSANCE: z.string().regex(/^\d{8}$/),
  LIEU_NAISSANCE: z.object({ CODE: z.string(), LIBELLE: z.string() }),
});
export type Individu = z.infer<typeof individuSchema>;

export const lotResponseSchema = z.object({ individus: z.array(individuSchema), non_trouves: z.number().int() });

export const rechercheResponseSchema = z.object({
  page: z.number().int(),
  taille: z.number().int(),
  total: z.number().int(),
  individus: z.array(individuSchema),
});
