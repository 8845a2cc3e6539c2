import { z } from 'zod';
import { balanceCents, birthPlace, cents, legacyDate } from './legacySchemas';

/** RAH's typology codes (mocks/docs/rah.md). */
const typeLogement = z.enum(['T1', 'T2', 'T3', 'T4', 'T5']);
/** RAH's application states: active, offer made, allocated, struck off. */
export const codeStatutRahSchema = z.enum(['ACT', 'PRO', 'ATT', 'RAD']);
export type CodeStatutRah = z.infer<typeof codeStatutRahSchema>;

/** A person as RAH's agents typed them (no NIR). */
const identite = {
  NOM: z.string().min(1),
  PRENOM: z.string().min(1),
  DATE_NAISSANCE: legacyDate,
  LIEU_NAISSANCE: birthPlace,
};

export const bailRahSchema = z.object({
  REF_BAIL: z.string().min(1),
  TYPE_LGT: typeLogement,
  SURFACE_HAB: z.number().positive(),
  ADRESSE: z.object({ LIGNE: z.string(), CP: z.string().regex(/^\d{5}$/), COMMUNE: z.string() }),
  LOYER: cents,
  CHARGES: cents,
  SOLDE: balanceCents,
  NB_MOIS_IMPAYES: z.number().int().min(0),
  PLAN_APUREMENT: z.object({ MENSUALITE: cents, DATE_DEBUT: legacyDate, DATE_FIN: legacyDate, TOP_RESPECTE: z.enum(['0', '1']) }).nullable(),
  DATE_ENTREE: legacyDate,
});
export type BailRah = z.infer<typeof bailRahSchema>;

export const demandeRahSchema = z.object({
  NUM_UNIQUE: z.string().min(1),
  DATE_DEPOT: legacyDate,
  DATE_RENOUV: legacyDate.nullable(),
  CODE_STATUT: codeStatutRahSchema,
  TYPE_LGT_SOUHAITE: typeLogement,
});
export type DemandeRah = z.infer<typeof demandeRahSchema>;

/** RAH's answer for one date of birth: tenant files with their leases, and applicants. */
export const rechercheRahSchema = z.object({
  DATE_NAISSANCE: legacyDate,
  LOCATAIRES: z.array(z.object({ ...identite, BAUX: z.array(bailRahSchema) })),
  DEMANDEURS: z.array(z.object({ ...identite, DEMANDE: demandeRahSchema })),
});
export type RechercheRah = z.infer<typeof rechercheRahSchema>;
