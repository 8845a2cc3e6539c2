import { z } from 'zod';

/** `YYYYMMDD`, complete: the graph promises ISO dates, so a partial date is a contract breach (mocks/docs/chambres-consulaires.md). */
const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);

/** State codes of the partner's system: `O` ouvert, `S` suspendu, `C` clos. */
export const etatDossierSchema = z.enum(['O', 'S', 'C']);
export type EtatDossier = z.infer<typeof etatDossierSchema>;

/** One file, as the partner's system returns it. */
export const dossierSchema = z.object({
  NIR: z.string(),
  NUM_DOSSIER: z.string().regex(/^[A-Z]+-\d{6}$/),
  ETAT: etatDossierSchema,
  DATE_OUVERTURE: legacyDate,
  DATE_MAJ: legacyDate,
  ANTENNE: z.string().min(1),
});
export type DossierLegacy = z.infer<typeof dossierSchema>;

/** The batch lookup's answer: the files found, and how many NIRs had none. */
export const rechercheResponseSchema = z.object({ dossiers: z.array(dossierSchema), non_trouves: z.number().int().min(0) });
