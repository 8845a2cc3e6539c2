/** Orientation codes of the Département's system: social, professional, socio-professional. */
export type CodeOrientation = 'SOC' | 'PRO' | 'SOCPRO';

/** A référent de parcours of the territory, as the Département's directory lists them. */
export interface ReferentDirectoire {
  id_referent: string;
  nom: string;
  structure: string;
  /** The orientations this référent's structure takes on. */
  orientations: readonly CodeOrientation[];
  /** True for the agricultural regime's structures (MSA, chambre d'agriculture), who follow MSA's beneficiaries. */
  agricole: boolean;
}

const mdsRodez = 'Département – Maison des solidarités de Rodez';
const mdsOnet = "Département – Maison des solidarités d'Onet-le-Château";
const mdsLuc = 'Département – Maison des solidarités de Luc-la-Primaube';
const ftRodez = 'France Travail Rodez';
const ftOnet = 'France Travail Onet-le-Château';

const r = (n: number, nom: string, structure: string, orientations: readonly CodeOrientation[], agricole = false): ReferentDirectoire => ({
  id_referent: `ref-${String(n).padStart(3, '0')}`,
  nom,
  structure,
  orientations,
  agricole,
});

/**
 * The fixed directory of référents (names are fictitious). `ref-001` follows the two personas
 * of the Maison des solidarités de Rodez and the first fifty generated usagers, so that a
 * caseload of at least fifty can be tested.
 */
export const referentsDepartement: readonly ReferentDirectoire[] = [
  r(1, 'Nadia Cayla', mdsRodez, ['SOC', 'SOCPRO']),
  r(2, 'Laurent Bras', mdsRodez, ['SOC']),
  r(3, 'Sophie Carrière', mdsRodez, ['SOCPRO']),
  r(4, 'Émilie Lacombe', mdsOnet, ['SOC']),
  r(5, 'Mathieu Séguret', mdsOnet, ['SOCPRO']),
  r(6, 'Pauline Albouy', mdsLuc, ['SOC', 'SOCPRO']),
  r(7, 'Olivier Costes', ftRodez, ['PRO']),
  r(8, 'Camille Bouldoires', ftRodez, ['PRO']),
  r(9, 'Julien Marty', ftRodez, ['PRO']),
  r(10, 'Amandine Vernhet', ftOnet, ['PRO']),
  r(11, 'Thomas Bessière', ftOnet, ['PRO']),
  r(12, 'Marion Fabre', 'CCAS de Rodez', ['SOC']),
  r(13, 'Céline Cabrolier', "CCAS d'Onet-le-Château", ['SOC']),
  r(14, 'Nicolas Gaubert', 'CCAS de Luc-la-Primaube', ['SOC']),
  r(15, 'Isabelle Rigal', 'MSA Midi-Pyrénées Nord – Aveyron', ['SOC', 'SOCPRO'], true),
  r(16, 'Fabien Puech', "Chambre d'agriculture de l'Aveyron", ['PRO'], true),
  r(17, 'Sandrine Mouly', mdsRodez, ['SOC', 'SOCPRO']),
  r(18, 'David Alric', ftRodez, ['PRO']),
  r(19, 'Aurélie Bonnefous', 'CCAS de Sébazac-Concourès', ['SOC']),
  r(20, 'Karine Lagarrigue', mdsOnet, ['SOC', 'SOCPRO']),
];

export const referentParId: ReadonlyMap<string, ReferentDirectoire> = new Map(referentsDepartement.map((ref) => [ref.id_referent, ref]));
