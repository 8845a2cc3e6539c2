import { z } from 'zod';

/** The key this subgraph receives for a `Usager`: the pivot identity the identity register resolved. */
export const identitePivotSchema = z.object({
  nomNaissance: z.string().min(1),
  nomUsage: z.string().nullable().optional(),
  prenoms: z.array(z.string()),
  sexe: z.enum(['F', 'M']),
  /** `YYYY-MM-DD`, or partial (`YYYY-MM`, `YYYY`) when the register only knows part of it. */
  dateNaissance: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  codeLieuNaissance: z.string().min(1),
});
export type IdentitePivot = z.infer<typeof identitePivotSchema>;

/** Landlords are searched by complete date of birth only. */
export function hasCompleteBirthDate(pivot: IdentitePivot): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(pivot.dateNaissance);
}
