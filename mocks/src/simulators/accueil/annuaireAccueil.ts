/**
 * The Département's directory of reception places in Rodez agglomération, as its system
 * stores it (see mocks/docs/accueil.md). The kinds of places are real; the place names,
 * street addresses, phone numbers (the 01 99 00 range reserved for fiction) and events are
 * FICTITIOUS. Commune codes are the official INSEE codes.
 */

/** Partner codes of the directory. */
export const codesPartenaire = ['CAF', 'CPAM', 'CARSAT', 'MSA', 'FT', 'BAIL', 'SIAO', 'CD12', 'CCAS'] as const;
export type CodePartenaire = (typeof codesPartenaire)[number];

/** Service codes of the directory. */
export const codesService = ['ACC_GEN', 'ACCES_DROITS', 'NUMERIQUE', 'DOMICILIATION', 'ALIMENTAIRE', 'ACC_SOCIAL', 'EMPLOI', 'LOGEMENT', 'RENCONTRE'] as const;
export type CodeService = (typeof codesService)[number];

/** Kinds of places: Maison des solidarités, CCAS, France Services, tiers-lieu solidaire. */
export type TypeLieu = 'MDS' | 'CCAS' | 'FS' | 'TLS';

/** One opening period: `jour` 1 (Monday) to 7, times `HHMM`. */
export interface CreneauLegacy {
  jour: number;
  ouverture: string;
  fermeture: string;
}

/** A partner's office hours: periodicity `H` weekly, `Q` every other week, `M` monthly; `sur_rdv` `O`/`N`. */
export interface PermanenceLegacy {
  code_partenaire: CodePartenaire;
  jour: number;
  debut: string;
  fin: string;
  periodicite: 'H' | 'Q' | 'M';
  sur_rdv: 'O' | 'N';
}

export interface LieuLegacy {
  code_lieu: string;
  libelle: string;
  type_lieu: TypeLieu;
  adresse: { voie: string; code_postal: string; commune: string; code_insee: string };
  telephone: string | null;
  horaires: CreneauLegacy[];
  services: CodeService[];
  permanences: PermanenceLegacy[];
}

export interface EvenementLegacy {
  id_evenement: string;
  code_lieu: string;
  date_evt: string;
  heure_debut: string;
  heure_fin: string;
  titre: string;
  code_partenaire: CodePartenaire | null;
  places_total: number;
  places_restantes: number;
}

/** Monday to Friday, the same periods every day. */
const semaine = (...periodes: Array<[string, string]>): CreneauLegacy[] => [1, 2, 3, 4, 5].flatMap((jour) => periodes.map(([ouverture, fermeture]) => ({ jour, ouverture, fermeture })));

const rodez = { code_postal: '12000', commune: 'Rodez', code_insee: '12202' };
const onet = { code_postal: '12850', commune: 'Onet-le-Château', code_insee: '12176' };
const luc = { code_postal: '12450', commune: 'Luc-la-Primaube', code_insee: '12133' };

export const lieux: readonly LieuLegacy[] = [
  {
    code_lieu: 'MDS-RODEZ',
    libelle: 'Maison des solidarités de Rodez',
    type_lieu: 'MDS',
    adresse: { voie: '14 rue des Cerisiers', ...rodez },
    telephone: '01 99 00 12 01',
    horaires: semaine(['0830', '1200'], ['1330', '1700']),
    services: ['ACC_GEN', 'ACCES_DROITS', 'ACC_SOCIAL', 'LOGEMENT'],
    permanences: [
      { code_partenaire: 'CAF', jour: 2, debut: '0900', fin: '1200', periodicite: 'H', sur_rdv: 'O' },
      { code_partenaire: 'BAIL', jour: 1, debut: '1400', fin: '1600', periodicite: 'Q', sur_rdv: 'O' },
      { code_partenaire: 'CARSAT', jour: 4, debut: '1400', fin: '1630', periodicite: 'M', sur_rdv: 'O' },
    ],
  },
  {
    code_lieu: 'CCAS-RODEZ',
    libelle: 'CCAS de Rodez',
    type_lieu: 'CCAS',
    adresse: { voie: '3 place de la Fontaine-Vieille', ...rodez },
    telephone: '01 99 00 12 02',
    horaires: [...semaine(['0900', '1200']), { jour: 2, ouverture: '1400', fermeture: '1700' }, { jour: 4, ouverture: '1400', fermeture: '1700' }],
    services: ['ACC_GEN', 'DOMICILIATION', 'ALIMENTAIRE', 'ACC_SOCIAL'],
    permanences: [
      { code_partenaire: 'SIAO', jour: 3, debut: '0930', fin: '1130', periodicite: 'H', sur_rdv: 'N' },
      { code_partenaire: 'CPAM', jour: 5, debut: '0900', fin: '1200', periodicite: 'Q', sur_rdv: 'O' },
    ],
  },
  {
    code_lieu: 'CCAS-ONET',
    libelle: "CCAS d'Onet-le-Château",
    type_lieu: 'CCAS',
    adresse: { voie: '7 rue des Genêts', ...onet },
    telephone: '01 99 00 12 03',
    horaires: semaine(['0830', '1230']),
    services: ['ACC_GEN', 'DOMICILIATION', 'ACC_SOCIAL'],
    permanences: [{ code_partenaire: 'CAF', jour: 4, debut: '1400', fin: '1600', periodicite: 'Q', sur_rdv: 'O' }],
  },
  {
    code_lieu: 'FS-RODEZ',
    libelle: 'France Services de Rodez-Bourran',
    type_lieu: 'FS',
    adresse: { voie: '9 boulevard des Capucines', ...rodez },
    telephone: '01 99 00 12 04',
    horaires: [...semaine(['0900', '1230'], ['1330', '1730']), { jour: 6, ouverture: '0900', fermeture: '1200' }],
    services: ['ACC_GEN', 'ACCES_DROITS', 'NUMERIQUE', 'EMPLOI'],
    permanences: [
      { code_partenaire: 'FT', jour: 1, debut: '1400', fin: '1700', periodicite: 'H', sur_rdv: 'N' },
      { code_partenaire: 'CAF', jour: 3, debut: '0900', fin: '1200', periodicite: 'H', sur_rdv: 'O' },
      { code_partenaire: 'MSA', jour: 4, debut: '0900', fin: '1200', periodicite: 'M', sur_rdv: 'O' },
    ],
  },
  {
    code_lieu: 'FS-LUC',
    libelle: 'France Services de Luc-la-Primaube',
    type_lieu: 'FS',
    adresse: { voie: '2 place du Marché-Couvert', ...luc },
    telephone: '01 99 00 12 05',
    horaires: semaine(['0900', '1200'], ['1400', '1700']).filter((c) => !(c.jour === 3 && c.ouverture === '1400')),
    services: ['ACC_GEN', 'ACCES_DROITS', 'NUMERIQUE'],
    permanences: [
      { code_partenaire: 'CPAM', jour: 1, debut: '0900', fin: '1200', periodicite: 'H', sur_rdv: 'O' },
      { code_partenaire: 'MSA', jour: 2, debut: '1400', fin: '1700', periodicite: 'Q', sur_rdv: 'O' },
      { code_partenaire: 'FT', jour: 3, debut: '0900', fin: '1200', periodicite: 'H', sur_rdv: 'N' },
      { code_partenaire: 'CARSAT', jour: 5, debut: '0900', fin: '1200', periodicite: 'M', sur_rdv: 'O' },
    ],
  },
  {
    code_lieu: 'TLS-RODEZ',
    libelle: 'Tiers-lieu solidaire Le Relais',
    type_lieu: 'TLS',
    adresse: { voie: '21 rue des Ateliers', ...rodez },
    telephone: null,
    horaires: [
      { jour: 2, ouverture: '1000', fermeture: '1800' },
      { jour: 3, ouverture: '1000', fermeture: '1800' },
      { jour: 4, ouverture: '1000', fermeture: '1800' },
      { jour: 6, ouverture: '1000', fermeture: '1300' },
    ],
    services: ['ACC_GEN', 'RENCONTRE', 'NUMERIQUE', 'EMPLOI'],
    permanences: [
      { code_partenaire: 'FT', jour: 2, debut: '1400', fin: '1700', periodicite: 'H', sur_rdv: 'N' },
      { code_partenaire: 'CD12', jour: 4, debut: '0930', fin: '1230', periodicite: 'H', sur_rdv: 'N' },
      { code_partenaire: 'SIAO', jour: 3, debut: '1400', fin: '1600', periodicite: 'Q', sur_rdv: 'N' },
    ],
  },
];

/**
 * The tiers-lieu's recurring events of the year before the observation date (November 2025 to
 * October 2026): three a month, on the first, second and third Tuesday (or Wednesday) afternoon,
 * each theme with the partner that runs it (`null`: the tiers-lieu alone). Their sign-ups and
 * attendance are the system's history (historiqueAccueil.ts), so the directory counts every seat
 * as free: `places_restantes` is what the recorded sign-ups leave.
 */
const themesPasses: ReadonlyArray<{ titre: string; code_partenaire: CodePartenaire | null; places_total: number }> = [
  { titre: 'Atelier : mon espace personnel sur caf.fr', code_partenaire: 'CAF', places_total: 12 },
  { titre: 'Petit-déjeuner emploi', code_partenaire: 'FT', places_total: 20 },
  { titre: 'Café des usagers et des référents', code_partenaire: null, places_total: 15 },
  { titre: 'Information : la complémentaire santé solidaire', code_partenaire: 'CPAM', places_total: 12 },
  { titre: 'Atelier budget et impayés de loyer', code_partenaire: 'BAIL', places_total: 10 },
  { titre: 'Atelier numérique : mes démarches en ligne', code_partenaire: null, places_total: 12 },
];
function evenementsPasses(): EvenementLegacy[] {
  const passes: EvenementLegacy[] = [];
  for (let m = 0; m < 12; m++) {
    const annee = m < 2 ? 2025 : 2026;
    const mois = ((m + 10) % 12) + 1;
    for (let n = 0; n < 3; n++) {
      const theme = themesPasses[(m * 3 + n) % themesPasses.length]!;
      // The first Tuesday of the month, then a week apart; a Wednesday for the third.
      const premier = new Date(Date.UTC(annee, mois - 1, 1)).getUTCDay();
      const jour = 1 + ((2 - premier + 7) % 7) + 7 * n + (n === 2 ? 1 : 0);
      const yymm = `${String(annee).slice(2)}${String(mois).padStart(2, '0')}`;
      passes.push({
        id_evenement: `EVT-${yymm}-${String(n + 1).padStart(2, '0')}`,
        code_lieu: 'TLS-RODEZ',
        date_evt: `${annee}${String(mois).padStart(2, '0')}${String(jour).padStart(2, '0')}`,
        heure_debut: '1400',
        heure_fin: '1600',
        ...theme,
        places_restantes: theme.places_total,
      });
    }
  }
  return passes;
}

/** Events of the tiers-lieu, in chronological order: the year's past events, then those around the population's observation date (Nov. 2026). */
export const evenements: readonly EvenementLegacy[] = [
  ...evenementsPasses(),
  {
    id_evenement: 'EVT-2611-01',
    code_lieu: 'TLS-RODEZ',
    date_evt: '20261104',
    heure_debut: '1400',
    heure_fin: '1600',
    titre: 'Atelier : mon espace personnel sur caf.fr',
    code_partenaire: 'CAF',
    places_total: 12,
    places_restantes: 3,
  },
  {
    id_evenement: 'EVT-2611-02',
    code_lieu: 'TLS-RODEZ',
    date_evt: '20261110',
    heure_debut: '0930',
    heure_fin: '1130',
    titre: 'Petit-déjeuner emploi',
    code_partenaire: 'FT',
    places_total: 20,
    places_restantes: 0,
  },
  {
    id_evenement: 'EVT-2611-03',
    code_lieu: 'TLS-RODEZ',
    date_evt: '20261118',
    heure_debut: '1400',
    heure_fin: '1630',
    titre: 'Café des usagers et des référents',
    code_partenaire: null,
    places_total: 15,
    places_restantes: 15,
  },
  {
    id_evenement: 'EVT-2611-04',
    code_lieu: 'TLS-RODEZ',
    date_evt: '20261125',
    heure_debut: '1400',
    heure_fin: '1600',
    titre: 'Information : la complémentaire santé solidaire',
    code_partenaire: 'CPAM',
    places_total: 12,
    places_restantes: 7,
  },
  {
    id_evenement: 'EVT-2612-01',
    code_lieu: 'TLS-RODEZ',
    date_evt: '20261202',
    heure_debut: '1000',
    heure_fin: '1200',
    titre: 'Atelier budget et impayés de loyer',
    code_partenaire: 'BAIL',
    places_total: 10,
    places_restantes: 4,
  },
  {
    id_evenement: 'EVT-2612-02',
    code_lieu: 'TLS-RODEZ',
    date_evt: '20261209',
    heure_debut: '1400',
    heure_fin: '1600',
    titre: 'Préparer son départ à la retraite',
    code_partenaire: 'CARSAT',
    places_total: 12,
    places_restantes: 12,
  },
];
