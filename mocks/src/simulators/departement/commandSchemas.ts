import { z } from 'zod';
import { codePartenairePattern, codesTheme } from './BeneficiaireDepartement';

// NIR format only (13 characters incl. 2A/2B, then the key); the key is not checked here.
const nir = z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/);
const date = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
const texte = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(40);

/** The body of each command, by its path segment under `/api/rsa/v1/commandes/` (see mocks/docs/departement.md). */
export const commandSchemas = {
  'designation-referent': z.object({ nir, id_referent: id }),
  'changement-referent': z.object({ nir, id_referent: id }),
  orientation: z.object({ nir, cd_type: z.enum(['SOC', 'PRO', 'SOCPRO']), lib_organisme: texte(200) }),
  'creation-objectif': z.object({ nir, cd_theme: z.enum(codesTheme), intitule: texte(200) }),
  'modification-objectif': z
    .object({ nir, id_objectif: id, intitule: texte(200).optional(), cd_statut: z.enum(['ENC', 'ATT', 'ABA']).optional() })
    .refine((b) => b.intitule !== undefined || b.cd_statut !== undefined, { path: ['intitule'] }),
  'ajout-action': z.object({ nir, id_objectif: id, intitule: texte(200), dt_echeance: date.nullable().default(null) }),
  'statut-action': z.object({ nir, id_action: id, cd_statut: z.enum(['PREV', 'ENCO', 'REAL', 'ATTE', 'ABAN', 'ANNU']) }),
  'ajout-note': z.object({ nir, auteur: texte(100), cd_audience: z.enum(['REF', 'EQU', 'USA']), texte: texte(2000) }),
  'planification-rdv': z.object({ nir, dt_rdv: date, hr_rdv: z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/), lieu: texte(200), objet: texte(200), avec: texte(100) }),
  'annulation-rdv': z.object({ nir, id_rdv: id }),
  'contrat-engagement': z.object({ nir, dt_debut: date, dt_fin: date, objectifs: z.array(id).min(1).max(10) }).refine((b) => b.dt_fin > b.dt_debut, { path: ['dt_fin'] }),
  opposition: z.object({ nir, cd_partenaire: z.string().regex(codePartenairePattern), recueillie_par: texte(100) }),
  'levee-opposition': z.object({ nir, cd_partenaire: z.string().regex(codePartenairePattern) }),
} as const;

export type NomCommande = keyof typeof commandSchemas;
export type CorpsCommande<C extends NomCommande> = z.infer<(typeof commandSchemas)[C]>;

export function isNomCommande(name: string): name is NomCommande {
  return Object.prototype.hasOwnProperty.call(commandSchemas, name);
}
