import { z } from 'zod';
import { cleUsagerPattern, codePartenairePattern, codesIssueCloture, codesMotif, codesRoleEquipe, codesTheme } from './BeneficiaireDepartement';

// A NIR (format only: 13 characters incl. 2A/2B, then the key, not checked) or a provisional key `PRV` + 12 digits.
const nir = z.string().regex(cleUsagerPattern);
const date = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
const heure = z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/);
const texte = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(40);

/** The body of each command, by its path segment under `/api/rsa/v1/commandes/` (see mocks/docs/departement.md). */
export const commandSchemas = {
  // `auteur`: who designates, recorded as `ouvert_par` when the designation opens an RSA beneficiary's parcours.
  'designation-referent': z.object({ nir, id_referent: id, auteur: texte(100).nullable().default(null) }),
  'changement-referent': z.object({ nir, id_referent: id }),
  orientation: z.object({ nir, cd_type: z.enum(['SOC', 'PRO', 'SOCPRO']), lib_organisme: texte(200) }),
  'creation-objectif': z.object({ nir, cd_theme: z.enum(codesTheme), intitule: texte(200) }),
  'modification-objectif': z
    .object({ nir, id_objectif: id, intitule: texte(200).optional(), cd_statut: z.enum(['ENC', 'ATT', 'ABA']).optional() })
    .refine((b) => b.intitule !== undefined || b.cd_statut !== undefined, { path: ['intitule'] }),
  'ajout-action': z.object({ nir, id_objectif: id, intitule: texte(200), dt_echeance: date.nullable().default(null), id_referent_porteur: id.nullable().default(null) }),
  'statut-action': z.object({ nir, id_action: id, cd_statut: z.enum(['PREV', 'ENCO', 'REAL', 'ATTE', 'ABAN', 'ANNU']) }),
  'ajout-note': z.object({ nir, auteur: texte(100), cd_audience: z.enum(['REF', 'EQU', 'USA']), texte: texte(2000) }),
  'planification-rdv': z.object({ nir, dt_rdv: date, hr_rdv: heure, lieu: texte(200), objet: texte(200), avec: texte(100) }),
  'annulation-rdv': z.object({ nir, id_rdv: id }),
  'issue-rdv': z
    .object({ nir, id_rdv: id, cd_issue: z.enum(['HON', 'NHO', 'REP']), dt_report: date.nullable().default(null), hr_report: heure.nullable().default(null) })
    .refine((b) => (b.dt_report === null) === (b.hr_report === null) && (b.dt_report === null || b.cd_issue === 'REP'), { path: ['dt_report'] }),
  'contrat-engagement': z.object({ nir, dt_debut: date, dt_fin: date, objectifs: z.array(id).min(1).max(10) }).refine((b) => b.dt_fin > b.dt_debut, { path: ['dt_fin'] }),
  opposition: z.object({ nir, cd_partenaire: z.string().regex(codePartenairePattern), recueillie_par: texte(100) }),
  'levee-opposition': z.object({ nir, cd_partenaire: z.string().regex(codePartenairePattern) }),
  'ouverture-parcours': z.object({ nir, cd_motif: z.enum(codesMotif), ouvert_par: texte(100) }),
  'cloture-parcours': z.object({ nir, cd_issue: z.enum(codesIssueCloture) }),
  'ajout-membre-equipe': z.object({ nir, id_referent: id, cd_role: z.enum(codesRoleEquipe), fonction: texte(100).nullable().default(null) }),
  'retrait-membre-equipe': z.object({ nir, id_referent: id }),
} as const;

export type NomCommande = keyof typeof commandSchemas;
export type CorpsCommande<C extends NomCommande> = z.infer<(typeof commandSchemas)[C]>;

export function isNomCommande(name: string): name is NomCommande {
  return Object.prototype.hasOwnProperty.call(commandSchemas, name);
}
