import { z } from 'zod';

/** `YYYYMMDD`, complete: the graph promises ISO dates, so a partial date (`00` month or day) is a contract breach. */
const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
const cents = z.number().int().min(0);
/** A yes/no flag ("indicateur") of the MSA system. */
const ouiNon = z.enum(['O', 'N']);

/** Benefit codes: the CAF's, which MSA shares through the national flux (mocks/docs/msa.md). */
export const codePrestationSchema = z.enum(['RSA', 'PPA', 'AAH', 'APL', 'ALF', 'ALS', 'AF', 'ASF', 'CF']);
export type CodePrestation = z.infer<typeof codePrestationSchema>;

export const detailRsaSchema = z.object({ etatdosrsa: z.enum(['0', '1', '2', '3', '4', '5', '6']), ind_majoration: ouiNon, ind_droits_devoirs: ouiNon });

const prestationCommune = { mt_mensuel: cents, dt_effet: legacyDate };

/** A benefit of the family file: `rsa` is filled for RSA and null for every other benefit. */
export const prestationSchema = z.discriminatedUnion('cd_prestation', [
  z.object({ cd_prestation: z.literal('RSA'), ...prestationCommune, rsa: detailRsaSchema }),
  z.object({ cd_prestation: codePrestationSchema.exclude(['RSA']), ...prestationCommune, rsa: z.null() }),
]);
export type PrestationLegacy = z.infer<typeof prestationSchema>;
export type PrestationRsaLegacy = Extract<PrestationLegacy, { cd_prestation: 'RSA' }>;

/** The household's family file seen from one adult: `RESP` responsable (allocataire), `CONJ` conjoint. */
export const familleSchema = z.object({
  cd_role: z.enum(['RESP', 'CONJ']),
  nb_adultes: z.number().int().min(1).max(2),
  enfants: z.array(z.object({ prenom: z.string(), dt_naissance: legacyDate })),
  qf: z.number().int().min(0),
  prestations: z.array(prestationSchema),
});
export type FamilleLegacy = z.infer<typeof familleSchema>;

/** Health cover: C2S ("CSS") `N` none, `G` without participation, `P` with participation. */
export const santeSchema = z.object({
  css: z.object({ cd_css: z.enum(['N', 'G', 'P']), dt_fin: legacyDate.nullable() }),
  ind_medecin_traitant: ouiNon,
});
export type SanteLegacy = z.infer<typeof santeSchema>;

/** Farm pension: `ACT` active, `INS` claim being examined, `SER` paid. */
export const pensionSchema = z.object({ cd_etat: z.enum(['ACT', 'INS', 'SER']), mt_brut_mensuel: cents.nullable(), dt_effet: legacyDate.nullable() });
export type PensionLegacy = z.infer<typeof pensionSchema>;

/** One member of an agricultural household. */
export const adherentSchema = z.object({
  nir: z.string(),
  no_adherent: z.string().regex(/^MSA\d{7}$/),
  cd_qualite: z.enum(['ASS', 'AYD']),
  cd_activite: z.enum(['EXP', 'SAL', 'RET']).nullable(),
  famille: familleSchema.nullable(),
  sante: santeSchema,
  pension: pensionSchema.nullable(),
});
export type AdherentLegacy = z.infer<typeof adherentSchema>;

export const lotResponseSchema = z.object({ adherents: z.array(adherentSchema), nb_non_identifies: z.number().int() });
