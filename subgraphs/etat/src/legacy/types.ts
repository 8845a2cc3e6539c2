import { z } from 'zod';

/** `YYYYMMDD`, complete: the graph promises ISO dates, so a partial date is a contract breach. */
const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);

/** Codes of SI-SIAO (mocks/docs/siao.md). */
export const codeTypeSchema = z.enum(['U', 'I']);
export const codeStatutSchema = z.enum(['ATT', 'ORI', 'HEB', 'CLO']);
export const codeDispositifSchema = z.enum(['HU', 'CHRS', 'PF', 'LA', 'RS']);

export const demandeSchema = z.object({
  num_demande: z.string().min(1),
  dt_demande: legacyDate,
  cd_type: codeTypeSchema,
  cd_statut: codeStatutSchema,
  orientation: z.object({ cd_dispositif: codeDispositifSchema, lib_structure: z.string().min(1), dt_orientation: legacyDate }).nullable(),
});
export type DemandeLegacy = z.infer<typeof demandeSchema>;

/** A person as SI-SIAO returns them: the declared identity, the NIR when recorded, the requests. */
export const personneSchema = z.object({
  nir: z.string().nullable(),
  nom_naissance: z.string().min(1),
  nom_usage: z.string().nullable(),
  prenom: z.string(),
  cd_sexe: z.enum(['1', '2']),
  dt_naissance: legacyDate,
  demande_en_cours: demandeSchema.nullable(),
  historique: z.array(demandeSchema),
});
export type PersonneSiao = z.infer<typeof personneSchema>;

export const rechercheNirResponseSchema = z.object({ personnes: z.array(personneSchema), nb_non_trouves: z.number().int() });
export const rechercheIdentiteResponseSchema = z.object({ personnes: z.array(personneSchema) });

/** SI-SIAO's statistics of requests: counts by status (at extraction) and type of the requests filed up to the reference date. */
export const statistiquesDemandesSchema = z.object({
  dt_extraction: legacyDate,
  lignes: z.array(z.object({ cd_statut: codeStatutSchema, cd_type: codeTypeSchema, nb_demandes: z.number().int().min(1) })),
});
export type StatistiquesDemandes = z.infer<typeof statistiquesDemandesSchema>;
