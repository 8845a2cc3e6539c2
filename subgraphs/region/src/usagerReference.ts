import { z } from 'zod';

/**
 * The representation this subgraph receives for a `Usager`: its key, plus the date of birth the
 * gateway fetches from the identity register because `formationProfessionnelle` @requires it.
 */
export const usagerReferenceSchema = z.object({
  nir: z.string(),
  identitePivot: z.object({
    /** `YYYY-MM-DD`, or partial (`YYYY-MM`, `YYYY`) when the register only knows part of it. */
    dateNaissance: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  }),
});
export type UsagerReference = z.infer<typeof usagerReferenceSchema>;

/** The Région identifies people by complete date of birth only. */
export function hasCompleteBirthDate(u: UsagerReference): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(u.identitePivot.dateNaissance);
}
