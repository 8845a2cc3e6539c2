import { z } from 'zod';
import { legacyDate } from './legacySchemas';

/** RAH's extraction for crossings: the holders of the leases a criterion selects, as its agents typed them (no NIR). */
export const extractionRahSchema = z.object({
  DATE_ARRETE: legacyDate,
  CRITERE: z.literal('IMPAYE'),
  LOCATAIRES: z.array(z.object({ NOM: z.string().min(1), PRENOM: z.string().min(1), DATE_NAISSANCE: legacyDate })),
});

/** AH's extraction for crossings: the same people, its own names. */
export const extractionAhSchema = z.object({
  dateCloture: legacyDate,
  critere: z.literal('IMPAYE'),
  personnes: z.array(z.object({ nom: z.string().min(1), prenom: z.string().min(1), dateNaissance: legacyDate })),
});
