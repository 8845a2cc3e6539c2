import { z } from 'zod';

/** `YYYYMMDD`, complete. */
const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
/** `HHMM`. */
const heure = z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/);
/** Weekday, 1 (Monday) to 7. */
const jour = z.number().int().min(1).max(7);

/** Partner codes of the Département's directory (mocks/docs/accueil.md). */
export const codePartenaireSchema = z.enum(['CAF', 'CPAM', 'CARSAT', 'MSA', 'FT', 'BAIL', 'SIAO', 'CD12', 'CCAS']);
export type CodePartenaire = z.infer<typeof codePartenaireSchema>;

export const codeServiceSchema = z.enum(['ACC_GEN', 'ACCES_DROITS', 'NUMERIQUE', 'DOMICILIATION', 'ALIMENTAIRE', 'ACC_SOCIAL', 'EMPLOI', 'LOGEMENT', 'RENCONTRE']);
export type CodeService = z.infer<typeof codeServiceSchema>;

export const codeMotifSchema = z.enum(['DRT', 'LOG', 'HEB', 'EMP', 'SAN', 'RET', 'FIN', 'NUM', 'ACS', 'AUT']);
export type CodeMotif = z.infer<typeof codeMotifSchema>;

export const typeLieuSchema = z.enum(['MDS', 'CCAS', 'FS', 'TLS']);
export type TypeLieu = z.infer<typeof typeLieuSchema>;

export const periodiciteSchema = z.enum(['H', 'Q', 'M']);
export type PeriodiciteLegacy = z.infer<typeof periodiciteSchema>;

export const lieuSchema = z.object({
  code_lieu: z.string().min(1),
  libelle: z.string().min(1),
  type_lieu: typeLieuSchema,
  adresse: z.object({ voie: z.string(), code_postal: z.string().regex(/^\d{5}$/), commune: z.string(), code_insee: z.string().regex(/^(\d{5}|2[AB]\d{3})$/) }),
  telephone: z.string().nullable(),
  horaires: z.array(z.object({ jour, ouverture: heure, fermeture: heure })),
  services: z.array(codeServiceSchema),
  permanences: z.array(z.object({ code_partenaire: codePartenaireSchema, jour, debut: heure, fin: heure, periodicite: periodiciteSchema, sur_rdv: z.enum(['O', 'N']) })),
});
export type LieuLegacy = z.infer<typeof lieuSchema>;

export const lieuxResponseSchema = z.object({ nb_lieux: z.number().int(), lieux: z.array(lieuSchema) });

export const evenementSchema = z.object({
  id_evenement: z.string().min(1),
  code_lieu: z.string().min(1),
  date_evt: legacyDate,
  heure_debut: heure,
  heure_fin: heure,
  titre: z.string(),
  code_partenaire: codePartenaireSchema.nullable(),
  places_total: z.number().int().min(0),
  places_restantes: z.number().int().min(0),
});
export type EvenementLegacy = z.infer<typeof evenementSchema>;

export const evenementsResponseSchema = z.object({ nb_evenements: z.number().int(), evenements: z.array(evenementSchema) });

/** Where a referral stands: `PRO` proposed, `ACC` accepted, `REF` refused, `REA` carried out, `ABA` abandoned. */
export const statutOrientationSchema = z.enum(['PRO', 'ACC', 'REF', 'REA', 'ABA']);
export type StatutOrientationLegacy = z.infer<typeof statutOrientationSchema>;

const etapeSchema = z.object({ statut: statutOrientationSchema, date_etape: legacyDate, auteur: z.string() });
const commun = {
  id_orientation: z.string().min(1),
  nir: z.string(),
  code_motif: codeMotifSchema,
  motif_libre: z.string().nullable(),
  auteur: z.string(),
  date_orientation: legacyDate,
  statut: statutOrientationSchema,
  motif_refus: z.string().nullable(),
  etapes: z.array(etapeSchema).min(1),
};

/** A referral: `type_cible` `PART` (a directory partner code), `PASS` (a Passerelle partner code) or `LIEU` (a place code). */
export const orientationSchema = z.discriminatedUnion('type_cible', [
  z.object({ ...commun, type_cible: z.literal('PART'), code_cible: codePartenaireSchema }),
  z.object({ ...commun, type_cible: z.literal('PASS'), code_cible: z.string().min(1) }),
  z.object({ ...commun, type_cible: z.literal('LIEU'), code_cible: z.string().min(1) }),
]);
export type OrientationLegacy = z.infer<typeof orientationSchema>;

/** A page of `GET /orientations/v1/orientations`: the referrals addressed to one target. */
export const pageOrientationsSchema = z.object({ nb_total: z.number().int().min(0), nb_apres: z.number().int().min(0), orientations: z.array(orientationSchema) });
export type PageOrientationsLegacy = z.infer<typeof pageOrientationsSchema>;

/** The body of `POST /orientations/v1/orientations/{id}/transitions`. */
export interface DemandeTransition {
  nouveau_statut: Exclude<StatutOrientationLegacy, 'PRO'>;
  motif_refus: string | null;
  auteur: string;
}

/** A referral's target as the system writes it. */
export interface CibleLegacy {
  type_cible: 'PART' | 'PASS' | 'LIEU';
  code_cible: string;
}

export const orientationCreeeSchema = z.object({ orientation: orientationSchema });
export const orientationsResponseSchema = z.object({ nb_orientations: z.number().int(), orientations: z.array(orientationSchema) });

/** The body of a referral, as `POST /orientations/v1/orientations` takes it. */
export interface DemandeOrientation {
  nir: string;
  type_cible: 'PART' | 'PASS' | 'LIEU';
  code_cible: string;
  code_motif: CodeMotif;
  motif_libre: string | null;
  auteur: string;
}

/** A sign-up to a tiers-lieu event: `INS` signed up, `ANN` cancelled; `presence` `P`/`A` once recorded after the event. */
export const inscriptionSchema = z.object({
  id_inscription: z.string().min(1),
  id_evenement: z.string().min(1),
  nir: z.string(),
  statut: z.enum(['INS', 'ANN']),
  date_inscription: legacyDate,
  auteur: z.string(),
  date_annulation: legacyDate.nullable(),
  auteur_annulation: z.string().nullable(),
  presence: z.enum(['P', 'A']).nullable(),
  auteur_presence: z.string().nullable(),
});
export type InscriptionLegacy = z.infer<typeof inscriptionSchema>;
export const inscriptionEcriteSchema = z.object({ inscription: inscriptionSchema });
export const inscriptionsResponseSchema = z.object({ nb_inscriptions: z.number().int(), inscriptions: z.array(inscriptionSchema) });

/** A visit of a person to a reception place: the day, the place and the service sought (a directory service code); no content. */
export const passageSchema = z.object({
  id_passage: z.string().min(1),
  nir: z.string(),
  code_lieu: z.string().min(1),
  date_passage: legacyDate,
  code_motif: codeServiceSchema,
  auteur: z.string(),
  date_saisie: legacyDate,
});
export type PassageLegacy = z.infer<typeof passageSchema>;
export const passageEcritSchema = z.object({ passage: passageSchema });
export const passagesResponseSchema = z.object({ nb_passages: z.number().int(), passages: z.array(passageSchema) });

/** The body of `POST /passages/v1/passages`; `date_passage` null: today, as the system's clock says. */
export interface DemandePassage {
  nir: string;
  code_lieu: string;
  date_passage: string | null;
  code_motif: CodeService;
  auteur: string;
}

/** One line of each statistics endpoint (`GET /statistiques/v1/{statistique}`): the dimensions asked and the records counted. */
const nombre = z.number().int().min(1);
export const lignesStatistiques = {
  orientations: z.object({ MOTIF: codeMotifSchema, STATUT: statutOrientationSchema, nombre }),
  passages: z.object({ LIEU: z.string().regex(/^[A-Z0-9-]{1,32}$/), MOTIF: codeServiceSchema, nombre }),
  inscriptions: z.object({ PARTENAIRE: z.union([codePartenaireSchema, z.literal('TLS')]), PRESENCE: z.enum(['P', 'A', 'NR', 'ANN']), nombre }),
} as const;
export type NomStatistiqueAccueil = keyof typeof lignesStatistiques;
export type LigneStatistique<N extends NomStatistiqueAccueil> = z.infer<(typeof lignesStatistiques)[N]>;
/** The answer of a statistics endpoint: the day the figures are as of and one line per non-empty group. */
export const statistiqueResponseSchema = <N extends NomStatistiqueAccueil>(nom: N) => z.object({ date_reference: legacyDate, lignes: z.array(lignesStatistiques[nom]) });
export type StatistiqueAccueil<N extends NomStatistiqueAccueil> = { date_reference: string; lignes: Array<LigneStatistique<N>> };
