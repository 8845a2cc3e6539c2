import { z } from 'zod';

/** `DD/MM/YYYY`, complete: the Chambre d'agriculture's date format (mocks/docs/chambre-agriculture.md). */
export const chambreDate = z.string().regex(/^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/\d{4}$/);

export const statutJuridiqueSchema = z.enum(['INDIVIDUEL', 'GAEC', 'EARL', 'SCEA']);
export type StatutJuridique = z.infer<typeof statutJuridiqueSchema>;
export const typeAccompagnementAgriSchema = z.enum(['PAI', 'PPP', 'CONSEIL', 'REAGIR', 'AUDIT', 'STE']);
export type TypeAccompagnementAgri = z.infer<typeof typeAccompagnementAgriSchema>;
export const etapeDifficulteSchema = z.enum(['SIGNALEMENT', 'ECOUTE', 'AUDIT', 'PLAN', 'SUIVI', 'CLOS']);
export type EtapeDifficulte = z.infer<typeof etapeDifficulteSchema>;
export const dispositifDifficulteSchema = z.enum(['REAGIR', 'AREA', 'PROC_COLLECTIVE']);
export type DispositifDifficulteAgri = z.infer<typeof dispositifDifficulteSchema>;

export const exploitationSchema = z.object({
  siren: z.string().regex(/^\d{9}$/),
  raisonSociale: z.string().min(1),
  statutJuridique: statutJuridiqueSchema,
  codeNaf: z.string().regex(/^\d{2}\.\d{2}[A-Z]$/),
  production: z.string().min(1),
  dateInstallation: chambreDate,
  dateCessation: chambreDate.nullable(),
  dja: z.boolean(),
});
export type Exploitation = z.infer<typeof exploitationSchema>;

export const accompagnementAgriSchema = z.object({ type: typeAccompagnementAgriSchema, libelle: z.string().min(1), debut: chambreDate, fin: chambreDate.nullable(), service: z.string().min(1) });
export type AccompagnementAgri = z.infer<typeof accompagnementAgriSchema>;

export const suiviDifficulteSchema = z.object({ etape: etapeDifficulteSchema, dispositif: dispositifDifficulteSchema, dateSignalement: chambreDate, dateEtape: chambreDate });
export type SuiviDifficulteAgri = z.infer<typeof suiviDifficulteSchema>;

/** One farmer: surname and first first name as typed, date of birth; no sex, birth place or NIR. */
export const exploitantSchema = z.object({
  nom: z.string().min(1),
  prenom: z.string().min(1),
  naissance: chambreDate,
  exploitations: z.array(exploitationSchema),
  accompagnements: z.array(accompagnementAgriSchema),
  suiviDifficulte: suiviDifficulteSchema.nullable(),
});
export type Exploitant = z.infer<typeof exploitantSchema>;

export const rechercheAgriSchema = z.object({ exploitants: z.array(exploitantSchema) });

/** `DD/MM/YYYY` → `YYYY-MM-DD`. */
export function fromChambreDate(raw: string): string {
  const [d, m, y] = raw.split('/');
  return `${y}-${m}-${d}`;
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`. */
export function toChambreDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
