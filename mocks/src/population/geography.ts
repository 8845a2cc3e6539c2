/**
 * Places used by the simulation, with official INSEE COG codes.
 * Druelle Balsac (12090, absorbed Balsac 12020 in 2017) was checked against a public
 * extract of the COG; the other codes are the COG 2024 codes as known to the authors
 * *(unverified against the source here: re-check before relying on them outside tests)*.
 */
export interface Commune {
  codeInsee: string;
  nom: string;
  codePostal: string;
  /** Approximate population, used as a weight. */
  population: number;
}

/** The 8 communes of Rodez agglomération, where the pilot runs. */
export const communesRodezAgglo: readonly Commune[] = [
  { codeInsee: '12202', nom: 'Rodez', codePostal: '12000', population: 24_000 },
  { codeInsee: '12176', nom: 'Onet-le-Château', codePostal: '12850', population: 12_000 },
  { codeInsee: '12133', nom: 'Luc-la-Primaube', codePostal: '12450', population: 6_000 },
  { codeInsee: '12174', nom: 'Olemps', codePostal: '12510', population: 3_300 },
  { codeInsee: '12150', nom: 'Le Monastère', codePostal: '12000', population: 2_300 },
  { codeInsee: '12264', nom: 'Sébazac-Concourès', codePostal: '12740', population: 3_300 },
  { codeInsee: '12090', nom: 'Druelle Balsac', codePostal: '12510', population: 2_100 },
  { codeInsee: '12241', nom: 'Sainte-Radegonde', codePostal: '12850', population: 1_600 },
];

/** Birth places other than the agglomeration (French communes, INSEE codes). */
export const autresLieuxFrance: readonly { code: string; libelle: string }[] = [
  { code: '12145', libelle: 'Millau' },
  { code: '12300', libelle: 'Villefranche-de-Rouergue' },
  { code: '12089', libelle: 'Decazeville' },
  { code: '31555', libelle: 'Toulouse' },
  { code: '34172', libelle: 'Montpellier' },
  { code: '81004', libelle: 'Albi' },
  { code: '46042', libelle: 'Cahors' },
  { code: '15014', libelle: 'Aurillac' },
  { code: '63113', libelle: 'Clermont-Ferrand' },
  { code: '69123', libelle: 'Lyon' },
  { code: '13055', libelle: 'Marseille' },
  { code: '33063', libelle: 'Bordeaux' },
];

/** Corsica: the NIR carries 2A/2B. */
export const lieuxCorse: readonly { code: string; libelle: string }[] = [
  { code: '2A004', libelle: 'Ajaccio' },
  { code: '2B033', libelle: 'Bastia' },
];

/** Overseas: 3-digit département + 2-digit commune. */
export const lieuxOutreMer: readonly { code: string; libelle: string }[] = [
  { code: '97411', libelle: 'Saint-Denis (La Réunion)' },
  { code: '97101', libelle: 'Les Abymes (Guadeloupe)' },
];

/** Born abroad: `99` + INSEE country code. */
export const paysNaissance: readonly { code: string; libelle: string }[] = [
  { code: '99350', libelle: 'Maroc' },
  { code: '99352', libelle: 'Algérie' },
  { code: '99351', libelle: 'Tunisie' },
  { code: '99139', libelle: 'Portugal' },
  { code: '99134', libelle: 'Espagne' },
  { code: '99127', libelle: 'Italie' },
  { code: '99208', libelle: 'Turquie' },
  { code: '99341', libelle: 'Sénégal' },
];

export function communeParCode(code: string): Commune {
  const commune = communesRodezAgglo.find((c) => c.codeInsee === code);
  if (!commune) throw new RangeError(`unknown commune ${code}`);
  return commune;
}
