import { z } from 'zod';
import type { CritereRapprochement } from './matchIdentity';

/**
 * The pivot identity a subgraph keyed without the NIR (landlords, SIAO) receives for a `Usager`,
 * as the identity register resolved it. Validated at the boundary: a representation sent by hand
 * is as untrusted as any input.
 */
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

/** True when the date of birth is complete (`YYYY-MM-DD`): partners search by exact date. */
export function hasCompleteBirthDate(pivot: Pick<IdentitePivot, 'dateNaissance'>): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(pivot.dateNaissance);
}

/**
 * The representation a subgraph keyed on the NIR that also needs the date of birth receives for a
 * `Usager` (France Travail, the Région: they identify people by NIR and complete date of birth):
 * its key, plus the date of birth the gateway fetches from the identity register because the
 * subgraph's field `@requires(fields: "identitePivot { dateNaissance }")`.
 */
export const usagerParNirEtNaissanceSchema = z.object({
  nir: z.string(),
  identitePivot: identitePivotSchema.pick({ dateNaissance: true }),
});
export type UsagerParNirEtNaissance = z.infer<typeof usagerParNirEtNaissanceSchema>;

/**
 * Each matching criterion as an agent reads it; `source` names who did not record the place of
 * birth ("le bailleur", "le SIAO").
 */
export function libellesCriteres(source: string): Readonly<Record<CritereRapprochement, string>> {
  return {
    NOM_IDENTIQUE: 'même nom',
    NOM_USAGE: "nom d'usage",
    NOM_COMPOSE_PARTIEL: 'nom composé enregistré en partie',
    NOM_APPROCHANT: "nom d'orthographe proche",
    PRENOM_IDENTIQUE: 'même prénom',
    PRENOM_SECONDAIRE: 'second prénom',
    PRENOM_APPROCHANT: "prénom d'orthographe proche",
    DATE_NAISSANCE_IDENTIQUE: 'même date de naissance',
    DATE_NAISSANCE_PARTIELLE: 'date de naissance partielle compatible',
    LIEU_NAISSANCE_IDENTIQUE: 'même lieu de naissance',
    LIEU_NAISSANCE_NON_COMPARE: `lieu de naissance non enregistré par ${source}`,
  };
}

/** The representation a subgraph keyed on the pivot identity receives for a `Usager` (landlords, chambres consulaires): never a NIR. */
export const usagerParPivotSchema = z.object({ identitePivot: identitePivotSchema });
