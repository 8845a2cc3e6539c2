/**
 * The threshold of statistical secrecy: a figure counting fewer people than this is never
 * published (docs/statistics.md). 11 is the usual threshold of French social statistics.
 */
export const seuilSecret = 11;

/** Why a cell is not published: the GraphQL enum `MotifSecret` of the shared statistics types. */
export type MotifSecret = 'EFFECTIF_INFERIEUR_AU_SEUIL' | 'SECRET_SECONDAIRE';
