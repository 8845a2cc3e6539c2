import type { InscriptionLegacy } from './createInscriptionStore';
import type { OrientationLegacy } from './createOrientationStore';
import type { PassageLegacy } from './createPassageStore';

/** The reception network's statistics and the dimensions each groups by (mocks/docs/accueil.md). */
export const statistiquesAccueil = {
  orientations: ['MOTIF', 'STATUT'],
  passages: ['LIEU', 'MOTIF'],
  inscriptions: ['PARTENAIRE', 'PRESENCE'],
} as const;
export type NomStatistiqueAccueil = keyof typeof statistiquesAccueil;
export const isNomStatistiqueAccueil = (nom: string): nom is NomStatistiqueAccueil => Object.hasOwn(statistiquesAccueil, nom);

/** What the system holds, read by its statistics. */
export interface DonneesAccueil {
  orientations: readonly OrientationLegacy[];
  passages: readonly PassageLegacy[];
  inscriptions: readonly InscriptionLegacy[];
  /** The tiers-lieu's events: their day and partner. */
  evenements: ReadonlyMap<string, { date_evt: string; code_partenaire: string | null }>;
}

/**
 * The units of one statistic for the month from `premier` to `dernier` (`YYYYMMDD`), each with its
 * value on every dimension: referrals recorded in the month with their status on its last day
 * (from their steps); passages whose visit fell in the month; sign-ups to the events held in the
 * month, with their state as recorded now (cancelled, present, absent, attendance not recorded).
 */
export function unitesAccueil(nom: NomStatistiqueAccueil, donnees: DonneesAccueil, premier: string, dernier: string): Array<Record<string, string>> {
  const dansLeMois = (jour: string) => jour >= premier && jour <= dernier;
  if (nom === 'orientations') {
    return donnees.orientations.filter((o) => dansLeMois(o.date_orientation)).map((o) => ({ MOTIF: o.code_motif, STATUT: o.etapes.filter((e) => e.date_etape <= dernier).at(-1)?.statut ?? o.statut }));
  }
  if (nom === 'passages') return donnees.passages.filter((p) => dansLeMois(p.date_passage)).map((p) => ({ LIEU: p.code_lieu, MOTIF: p.code_motif }));
  return donnees.inscriptions.flatMap((i) => {
    const evenement = donnees.evenements.get(i.id_evenement);
    if (evenement === undefined || !dansLeMois(evenement.date_evt)) return [];
    return [{ PARTENAIRE: evenement.code_partenaire ?? 'TLS', PRESENCE: i.statut === 'ANN' ? 'ANN' : (i.presence ?? 'NR') }];
  });
}
