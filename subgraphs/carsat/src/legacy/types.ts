import { z } from 'zod';

/** `YYYYMMDD`, complete: the graph promises ISO dates, so a partial date is a contract breach. */
const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
const cents = z.number().int().min(0);

/** File states of the Carsat system (mocks/docs/carsat.md): contributor, claim in progress, retired. */
export const etatDossierSchema = z.enum(['COT', 'LIQ', 'RET']);
export type EtatDossier = z.infer<typeof etatDossierSchema>;

/** Social-action aid codes: home help, return home after hospitalisation, meal delivery. */
export const codeAideSchema = z.enum(['AMD', 'ARDH', 'PRD']);
export type CodeAide = z.infer<typeof codeAideSchema>;

export const actionSocialeSchema = z.object({ code_aide: codeAideSchema, nb_heures_mois: z.number().min(0), date_debut: legacyDate, date_fin: legacyDate });
export type ActionSocialeLegacy = z.infer<typeof actionSocialeSchema>;

export const dossierSchema = z.object({
  nir: z.string(),
  nb_trimestres_valides: z.number().int().min(0),
  etat_dossier: etatDossierSchema,
  date_effet: legacyDate.nullable(),
  montant_mensuel_brut: cents.nullable(),
  aspa: z.object({ montant_mensuel: cents, date_debut: legacyDate }).nullable(),
  actions_sociales: z.array(actionSocialeSchema),
});
export type DossierLegacy = z.infer<typeof dossierSchema>;

export const lotResponseSchema = z.object({ dossiers: z.array(dossierSchema), nb_inconnus: z.number().int() });

/** The insured a criterion of the extraction endpoint selects, with the identity the fund holds (for crossings only). */
export const extractionCarsatSchema = z.object({
  date_reference: legacyDate,
  critere: z.literal('ASPA'),
  assures: z.array(
    z.object({
      nir: z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/),
      nom_naissance: z.string().min(1),
      nom_usage: z.string().nullable(),
      prenoms: z.array(z.string()).min(1),
      date_naissance: legacyDate,
    }),
  ),
});
