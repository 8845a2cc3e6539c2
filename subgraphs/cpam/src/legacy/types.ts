import { z } from 'zod';

/** `YYYYMMDD`, complete: the graph promises ISO dates, so a partial date (`00` month or day) is a contract breach. */
const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
const ouiNon = z.enum(['O', 'N']);

/** Coverage of one insured person as the CPAM returns it (mocks/docs/cpam.md). Nothing medical. */
export const beneficiaireSchema = z.object({
  nir: z.string(),
  code_regime: z.string().regex(/^\d{2}$/),
  code_caisse: z.string().regex(/^\d{3}$/),
  date_ouverture_droits: legacyDate,
  /** `code_statut` 0 none, 1 without participation, 2 with participation; `date_fin` null without C2S. */
  c2s: z.object({ code_statut: z.enum(['0', '1', '2']), date_fin: legacyDate.nullable() }),
  medecin_traitant: ouiNon,
  ij_en_cours: ouiNon,
});
export type Beneficiaire = z.infer<typeof beneficiaireSchema>;

export const droitsResponseSchema = z.object({ beneficiaires: z.array(beneficiaireSchema), nb_inconnus: z.number().int() });

/** The insured a criterion of the extraction endpoint selects, by NIR (for crossings only). */
export const extractionCpamSchema = z.object({ date_reference: legacyDate, critere: z.literal('SANS_C2S'), nirs: z.array(z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/)) });
