import { z } from 'zod';

/** `YYYYMMDD`, complete: the graph promises ISO dates, so a partial date (`00` month or day) is a contract breach. */
const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
const cents = z.number().int();
/** A yes/no flag ("top") of the CNAF flux. */
const top = z.enum(['0', '1']);

/** Benefit codes of the CAF system (mocks/docs/caf.md). */
export const codePrestationSchema = z.enum(['RSA', 'PPA', 'AAH', 'APL', 'ALF', 'ALS', 'AF', 'ASF', 'CF']);
export type CodePrestation = z.infer<typeof codePrestationSchema>;

export const detailRsaSchema = z.object({
  ETATDOSRSA: z.enum(['0', '1', '2', '3', '4', '5', '6']),
  TOP_MAJORATION: top,
  TOPPERSDRDEF: top,
});

const droitCommun = { MONTANT_MENSUEL: cents, DATE_DEBUT: legacyDate };

/** A right of the file: `DETAIL_RSA` is filled for RSA and null for every other benefit. */
export const droitSchema = z.discriminatedUnion('CODE_PRESTATION', [
  z.object({ CODE_PRESTATION: z.literal('RSA'), ...droitCommun, DETAIL_RSA: detailRsaSchema }),
  z.object({ CODE_PRESTATION: codePrestationSchema.exclude(['RSA']), ...droitCommun, DETAIL_RSA: z.null() }),
]);
export type DroitLegacy = z.infer<typeof droitSchema>;
export type DroitRsaLegacy = Extract<DroitLegacy, { CODE_PRESTATION: 'RSA' }>;

export const paiementSchema = z.object({ DATE_PAIEMENT: legacyDate, CODE_PRESTATION: codePrestationSchema, MONTANT: cents });
export type PaiementLegacy = z.infer<typeof paiementSchema>;

export const dossierSchema = z.object({
  NUMALLOC: z.string().regex(/^\d{1,7}$/),
  CODE_POSTAL: z.string().regex(/^\d{5}$/),
  NB_ADULTES: z.number().int().min(1).max(2),
  ENFANTS: z.array(z.object({ PRENOM: z.string(), DATE_NAISSANCE: legacyDate })),
  QF: z.number().int().min(0),
  DROITS: z.array(droitSchema),
  PAIEMENTS: z.array(paiementSchema),
});
export type DossierLegacy = z.infer<typeof dossierSchema>;

/** One NIR found: the household file and the person's role in it (`DEM` allocataire, `CJT` conjoint). */
export const resultatSchema = z.object({ NIR: z.string(), ROLE_PERS: z.enum(['DEM', 'CJT']), DOSSIER: dossierSchema });
export type Resultat = z.infer<typeof resultatSchema>;

export const lotResponseSchema = z.object({ resultats: z.array(resultatSchema), nb_non_trouves: z.number().int() });

/** One line of the statistics endpoint: the dimensions asked, the households counted and the sum of their rights' amounts (cents). */
export const statistiquesFoyersSchema = z.object({
  DATE_REF: legacyDate,
  LIGNES: z.array(z.object({ COMMUNE: z.string().regex(/^(\d{5}|2[AB]\d{3})$/), PRESTATION: codePrestationSchema, NB_FOYERS: z.number().int().min(1), MONTANT_TOTAL: cents })),
});
export type StatistiquesFoyers = z.infer<typeof statistiquesFoyersSchema>;

/** The allocataires a criterion of the extraction endpoint selects, with the identity the CAF holds (for crossings only). */
export const extractionCafSchema = z.object({
  DATE_REF: legacyDate,
  CRITERE: z.literal('RSA_OUVERT'),
  PERSONNES: z.array(
    z.object({
      NIR: z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/),
      NOM_NAISSANCE: z.string().min(1),
      NOM_USAGE: z.string().nullable(),
      PRENOMS: z.array(z.string()).min(1),
      DATE_NAISSANCE: legacyDate,
    }),
  ),
});
export type ExtractionCaf = z.infer<typeof extractionCafSchema>;
