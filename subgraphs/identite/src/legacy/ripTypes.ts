import { z } from 'zod';

/** A provisional identity as the agency's register returns it (mocks/docs/rip.md). */
export const identiteProvisoireSchema = z.object({
  cle: z.string().regex(/^PRV\d{12}$/),
  nom_naissance: z.string().min(1),
  nom_usage: z.string().nullable(),
  prenoms: z.array(z.string()),
  sexe: z.enum(['1', '2']),
  date_naissance: z.string().regex(/^\d{4}(\d{2}(\d{2})?)?$/),
  lieu_naissance: z.object({ code: z.string(), libelle: z.string() }),
  cree_le: z.string().regex(/^\d{8}$/),
  cree_par: z.string(),
  statut: z.enum(['ACTIVE', 'RAPPROCHEE']),
  nir: z.string().nullable(),
  rapprochee_le: z.string().nullable(),
});
export type IdentiteProvisoire = z.infer<typeof identiteProvisoireSchema>;

export const lotIdentitesSchema = z.object({ identites: z.array(identiteProvisoireSchema), non_trouvees: z.number().int() });
export const rechercheIdentitesSchema = z.object({ page: z.number().int(), taille: z.number().int(), total: z.number().int(), identites: z.array(identiteProvisoireSchema) });
export const identiteEcriteSchema = z.object({ identite: identiteProvisoireSchema });

/** What the register records at creation. */
export interface DeclarationLegacy {
  nom_naissance: string;
  nom_usage: string | null;
  prenoms: string[];
  sexe: '1' | '2';
  date_naissance: string;
  lieu_naissance: { code: string; libelle: string };
  cree_par: string;
}
