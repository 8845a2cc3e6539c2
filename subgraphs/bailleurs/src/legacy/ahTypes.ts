import { z } from 'zod';
import { balanceCents, birthPlace, cents, legacyDate } from './legacySchemas';

/** AH's application states: 1 active, 2 offer made, 3 allocated, 9 struck off (mocks/docs/ah.md). */
export const codeStatutAhSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(9)]);
export type CodeStatutAh = z.infer<typeof codeStatutAhSchema>;
/** AH records the number of main rooms, not the typology. */
const nbPieces = z.number().int().min(1);

const personne = z.object({ nom: z.string().min(1), prenom: z.string().min(1), dateNaissance: legacyDate, codeInseeNaissance: birthPlace });

export const bailAhSchema = z.object({
  numeroBail: z.string().min(1),
  nbPieces,
  surfaceM2: z.number().positive(),
  adresse: z.object({ voie: z.string(), codePostal: z.string().regex(/^\d{5}$/), commune: z.string() }),
  loyerCentimes: cents,
  chargesCentimes: cents,
  soldeCentimes: balanceCents,
  nbMoisImpayes: z.number().int().min(0),
  planApurement: z.object({ mensualiteCentimes: cents, debut: legacyDate, fin: legacyDate, respecte: z.boolean() }).nullable(),
  dateEntree: legacyDate,
});
export type BailAh = z.infer<typeof bailAhSchema>;

export const demandeAhSchema = z.object({
  numeroUnique: z.string().min(1),
  dateDepot: legacyDate,
  dateRenouvellement: legacyDate.nullable(),
  codeStatut: codeStatutAhSchema,
  nbPiecesSouhaitees: nbPieces,
});
export type DemandeAh = z.infer<typeof demandeAhSchema>;

/** One AH record: a lease holder (one per co-holder) or an applicant. */
export const ficheAhSchema = z.discriminatedUnion('typeFiche', [
  z.object({ typeFiche: z.literal('BAIL'), personne, bail: bailAhSchema, demande: z.null() }),
  z.object({ typeFiche: z.literal('DEMANDE'), personne, bail: z.null(), demande: demandeAhSchema }),
]);
export type FicheAh = z.infer<typeof ficheAhSchema>;

/** One page of AH's search by dates of birth. */
export const pageAhSchema = z.object({
  page: z.number().int().min(1),
  taillePage: z.number().int().min(1),
  nbResultats: z.number().int().min(0),
  nbPages: z.number().int().min(1),
  resultats: z.array(ficheAhSchema),
});
