import type { Population } from '../../population/createPopulation';
import { dateObservation } from '../../population/scale2025';
import type { Personne } from '../../population/types';
import { addDays, sirenOf, workingAgeAdults } from '../consulaires';

/** An enterprise as the CCI's system returns it (mocks/docs/cci.md): ISO dates, INSEE's catégorie juridique. */
export interface EntrepriseCci {
  siren: string;
  denomination: string;
  /** INSEE catégorie juridique (niveau III): `1000` entrepreneur individuel, `5499` SARL, `5498` EURL, `5710` SAS, `5720` SASU. */
  categorieJuridique: '1000' | '5499' | '5498' | '5710' | '5720';
  /** Under the micro-entrepreneur scheme (an entrepreneur individuel's tax and social regime). */
  microEntrepreneur: boolean;
  codeNaf: string;
  activite: string;
  dateImmatriculation: string;
  dateRadiation: string | null;
}

/** A support service (prestation) the CCI gave the person. */
export interface PrestationCci {
  code: 'INFO' | '5JPE' | 'DIAG' | 'FORM' | 'SUIVI' | 'REPR';
  libelle: string;
  debut: string;
  fin: string | null;
  service: string;
}

/** One ressortissant: identity as the register holds it (no NIR), enterprises, support received. */
export interface RessortissantCci {
  identite: { nomNaissance: string; nomUsage: string | null; prenoms: string[]; dateNaissance: string; codeCommuneNaissance: string };
  entreprises: EntrepriseCci[];
  prestations: PrestationCci[];
}

const espaceEntreprendre = 'CCI Aveyron – Espace Entreprendre';

/** Commercial activities: NAF code and label *(codes from INSEE's NAF rév. 2; the mix is unverified)*. */
const activites = [
  ['56.10A', 'Restauration traditionnelle'],
  ['56.30Z', 'Débit de boissons'],
  ['47.71Z', "Commerce de détail d'habillement"],
  ['47.91B', 'Vente à distance sur catalogue spécialisé'],
  ['47.81Z', 'Commerce de détail alimentaire sur marchés'],
  ['55.10Z', 'Hôtellerie'],
  ['68.31Z', 'Agence immobilière'],
  ['47.76Z', 'Commerce de détail de fleurs'],
] as const;

const prestationsTypes: ReadonlyArray<Omit<PrestationCci, 'debut' | 'fin' | 'service'> & { jours: number }> = [
  { code: 'INFO', libelle: 'Réunion d’information création-reprise', jours: 0 },
  { code: '5JPE', libelle: '5 jours pour entreprendre', jours: 4 },
  { code: 'DIAG', libelle: 'Diagnostic du projet', jours: 0 },
  { code: 'REPR', libelle: 'Accompagnement à la reprise d’un commerce', jours: 90 },
];

/**
 * About one working-age adult in thirty of the synthetic population runs or ran a commercial
 * business *(unverified: an order of magnitude)*, chosen by a hash of the NIR; a third received
 * support before creating, some are followed after it.
 */
function derivedRessortissant(p: Personne, hash: number): RessortissantCci | null {
  if (hash % 30 !== 0) return null;
  const [codeNaf, activite] = activites[hash % activites.length]!;
  const categorie = (['1000', '1000', '1000', '1000', '5499', '5498', '5710', '5720'] as const)[hash % 8]!;
  const immat = addDays('2003-01-01', hash % 8600);
  const radiation = hash % 6 === 0 && immat < '2025-01-01' ? addDays(immat, 500 + (hash % 1500)) : null;
  const prestations: PrestationCci[] = [];
  if (hash % 3 === 0) {
    const type = prestationsTypes[hash % prestationsTypes.length]!;
    const debut = addDays(immat, -90);
    prestations.push({ code: type.code, libelle: type.libelle, debut, fin: addDays(debut, type.jours), service: espaceEntreprendre });
  }
  if (hash % 4 === 0 && immat > '2024-01-01') prestations.push({ code: 'SUIVI', libelle: 'Suivi post-création', debut: addDays(immat, 180), fin: null, service: espaceEntreprendre });
  const individuel = categorie === '1000';
  return {
    identite: {
      nomNaissance: p.nomNaissance.toUpperCase(),
      nomUsage: p.nomUsage?.toUpperCase() ?? null,
      prenoms: p.prenoms,
      dateNaissance: p.dateNaissance,
      codeCommuneNaissance: p.lieuNaissance.code,
    },
    entreprises: [
      {
        siren: sirenOf(hash),
        denomination: individuel ? `${p.nomNaissance.toUpperCase()} ${p.prenoms[0]}` : `SARL ${p.nomNaissance.toUpperCase()} ${activite.split(' ')[0]!.toUpperCase()}`,
        categorieJuridique: categorie,
        microEntrepreneur: individuel && hash % 2 === 0,
        codeNaf,
        activite,
        dateImmatriculation: immat,
        dateRadiation: radiation === null ? null : radiation < dateObservation ? radiation : dateObservation,
      },
    ],
    prestations: prestations.filter((s) => s.debut <= dateObservation),
  };
}

/**
 * Every ressortissant of the CCI, by date of birth (`YYYY-MM-DD`). No documented persona is a
 * trader: the CCI answers them with nothing, which the persona tests rely on.
 */
export function ressortissantsCci(population: Population): ReadonlyMap<string, readonly RessortissantCci[]> {
  const byDate = new Map<string, RessortissantCci[]>();
  for (const { personne, hash } of workingAgeAdults(population, 'cci')) {
    if (personne.regime !== 'GENERAL') continue;
    const r = derivedRessortissant(personne, hash);
    if (r) byDate.set(r.identite.dateNaissance, [...(byDate.get(r.identite.dateNaissance) ?? []), r]);
  }
  return byDate;
}
