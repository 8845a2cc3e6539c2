import { z } from 'zod';

/** The pivot identity the gateway sends for `hebergement` (its `@requires`), as the identity register resolved it. */
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

/** SI-SIAO's identity search needs a complete date of birth and a first name. */
export function isSearchable(pivot: IdentitePivot): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(pivot.dateNaissance) && pivot.prenoms.some((p) => p.trim() !== '');
}
