import type { Population } from '../../population/createPopulation';
import type { PersonaKey } from '../../population/personas';
import { dateObservation } from '../../population/scale2025';
import type { Personne } from '../../population/types';
import { addDays, registerCase, sirenOf, workingAgeAdults } from '../consulaires';

/** An enterprise as the CMA's system returns it (mocks/docs/cma.md): `YYYYMMDD` dates, empty strings for "none". */
export interface EntrepriseCma {
  SIREN: string;
  ENSEIGNE: string;
  FORME: 'ME' | 'EI' | 'SOC';
  CODE_NAF: string;
  ACTIVITE: string;
  QUALIF: 'ART' | 'MA' | 'AA' | 'NQ';
  DATE_IMMAT: string;
  DATE_RAD: string;
  ETAT: 'A' | 'R';
}

/** A support service the CMA gave the person. */
export interface PrestationCma {
  CODE: 'INFO' | 'SPI' | 'DIAG' | 'FORMA' | 'SUIVI' | 'REPR';
  LIBELLE: string;
  DATE_DEB: string;
  DATE_FIN: string;
  SERVICE: string;
}

/** One artisan's record: their identity as the CMA typed it (no NIR), their enterprises and the support they received. */
export interface ArtisanCma {
  NOM: string;
  NOM_USAGE: string;
  PRENOMS: string;
  DATE_NAISS: string;
  LIEU_NAISS: string;
  ENTREPRISES: EntrepriseCma[];
  PRESTATIONS: PrestationCma[];
}

const service = {
  creation: "CMA Occitanie – niveau départemental de l'Aveyron, service Création-Reprise",
  formation: "CMA Occitanie – niveau départemental de l'Aveyron, service Formation",
  economique: "CMA Occitanie – niveau départemental de l'Aveyron, service Développement économique",
};

const legacy = (iso: string) => iso.replaceAll('-', '');

/** Artisanal activities: NAF code and the label the CMA records *(codes from INSEE's NAF rév. 2; the mix is unverified)*. */
const activites = [
  ['4322A', "TRAVAUX D'INSTALLATION D'EAU ET DE GAZ (PLOMBERIE)"],
  ['4321A', "TRAVAUX D'INSTALLATION ELECTRIQUE"],
  ['4334Z', 'PEINTURE EN BATIMENT'],
  ['4332A', 'MENUISERIE BOIS'],
  ['9602A', 'COIFFURE'],
  ['9602B', 'SOINS DE BEAUTE'],
  ['1071C', 'BOULANGERIE-PATISSERIE'],
  ['4520A', 'REPARATION AUTOMOBILE'],
  ['4399C', 'MACONNERIE GENERALE'],
] as const;

function identiteOf(p: Personne, lieuEnregistre: boolean): Pick<ArtisanCma, 'NOM' | 'NOM_USAGE' | 'PRENOMS' | 'DATE_NAISS' | 'LIEU_NAISS'> {
  return {
    NOM: registerCase(p.nomNaissance),
    NOM_USAGE: p.nomUsage ? registerCase(p.nomUsage) : '',
    PRENOMS: registerCase(p.prenoms.join(' ')),
    DATE_NAISS: legacy(p.dateNaissance),
    LIEU_NAISS: lieuEnregistre ? p.lieuNaissance.code : '',
  };
}

/** The documented personas the CMA knows, as its agents recorded them. */
function personaArtisans(population: Population): ArtisanCma[] {
  const of = (key: PersonaKey) => population.persona(key);
  const martin = (key: PersonaKey, siren: string, immat: string): ArtisanCma => ({
    // Recorded in the old répertoire des métiers without the birth place: the two Jean Martin born on 14 March 1985 cannot be told apart.
    ...identiteOf(of(key), false),
    ENTREPRISES: [{ SIREN: siren, ENSEIGNE: 'MARTIN JEAN', FORME: 'EI', CODE_NAF: '4331Z', ACTIVITE: 'PLATRERIE', QUALIF: 'ART', DATE_IMMAT: immat, DATE_RAD: '', ETAT: 'A' }],
    PRESTATIONS: [],
  });
  return [
    {
      ...identiteOf(of('micro-entrepreneur'), true),
      ENTREPRISES: [
        {
          SIREN: '924518301',
          ENSEIGNE: 'AURELIE COIFFURE A DOMICILE',
          FORME: 'ME',
          CODE_NAF: '9602A',
          ACTIVITE: 'COIFFURE A DOMICILE',
          QUALIF: 'ART',
          DATE_IMMAT: '20240304',
          DATE_RAD: '',
          ETAT: 'A',
        },
      ],
      PRESTATIONS: [
        { CODE: 'INFO', LIBELLE: 'Réunion d’information « Créer son entreprise artisanale »', DATE_DEB: '20231116', DATE_FIN: '20231116', SERVICE: service.creation },
        { CODE: 'SPI', LIBELLE: 'Stage de préparation à l’installation (5 jours)', DATE_DEB: '20240122', DATE_FIN: '20240126', SERVICE: service.formation },
        { CODE: 'FORMA', LIBELLE: 'Pack micro-entrepreneur : aide aux formalités sur le guichet unique', DATE_DEB: '20240220', DATE_FIN: '20240220', SERVICE: service.creation },
        { CODE: 'SUIVI', LIBELLE: 'Suivi post-création (diagnostic à 12 mois, point chiffre d’affaires)', DATE_DEB: '20250310', DATE_FIN: '', SERVICE: service.economique },
      ],
    },
    martin('homonyme-rodez', '813402955', '20150601'),
    martin('homonyme-millau', '830177648', '20170915'),
  ];
}

/**
 * About one working-age adult in twenty-five of the synthetic population is an artisan
 * *(unverified: an order of magnitude for the Aveyron)*, chosen by a hash of the NIR so always the
 * same people; most active, some struck off, some with the support the CMA gives creators.
 */
function derivedArtisan(p: Personne, hash: number): ArtisanCma | null {
  if (hash % 25 !== 0) return null;
  const [code, activite] = activites[hash % activites.length]!;
  const forme = (['ME', 'ME', 'ME', 'EI', 'EI', 'SOC'] as const)[hash % 6]!;
  const immat = addDays('2004-01-01', hash % 8000);
  const radiee = hash % 7 === 0 && immat < '2025-01-01';
  const radiation = addDays(immat, 700 + (hash % 900));
  const prestations: PrestationCma[] = [];
  if (hash % 3 === 0)
    prestations.push({ CODE: 'DIAG', LIBELLE: 'Diagnostic du projet de création', DATE_DEB: legacy(addDays(immat, -60)), DATE_FIN: legacy(addDays(immat, -60)), SERVICE: service.creation });
  if (hash % 5 === 0 && immat > '2023-06-01') prestations.push({ CODE: 'SUIVI', LIBELLE: 'Suivi post-création', DATE_DEB: legacy(addDays(immat, 300)), DATE_FIN: '', SERVICE: service.economique });
  return {
    ...identiteOf(p, hash % 4 !== 0),
    ENTREPRISES: [
      {
        SIREN: sirenOf(hash),
        ENSEIGNE: forme === 'SOC' ? `${registerCase(p.nomNaissance)} ${activite.split(' ')[0]} SARL` : `${registerCase(p.nomNaissance)} ${registerCase(p.prenoms[0]!)}`,
        FORME: forme,
        CODE_NAF: code,
        ACTIVITE: activite,
        QUALIF: (['ART', 'ART', 'ART', 'NQ', 'NQ', 'MA', 'AA'] as const)[hash % 7]!,
        DATE_IMMAT: legacy(immat),
        DATE_RAD: radiee ? legacy(radiation < dateObservation ? radiation : dateObservation) : '',
        ETAT: radiee ? 'R' : 'A',
      },
    ],
    PRESTATIONS: prestations,
  };
}

/** Every record of the CMA, by date of birth (`YYYYMMDD`): the personas', then those derived from the population. */
export function artisansCma(population: Population): ReadonlyMap<string, readonly ArtisanCma[]> {
  const byDate = new Map<string, ArtisanCma[]>();
  const add = (a: ArtisanCma) => byDate.set(a.DATE_NAISS, [...(byDate.get(a.DATE_NAISS) ?? []), a]);
  personaArtisans(population).forEach(add);
  for (const { personne, hash } of workingAgeAdults(population, 'cma')) {
    if (personne.regime !== 'GENERAL') continue;
    const artisan = derivedArtisan(personne, hash);
    if (artisan) add(artisan);
  }
  return byDate;
}
