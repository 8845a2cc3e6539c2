/** Orientation codes of the Département's system: social, professional, socio-professional. */
export type CodeOrientation = 'SOC' | 'PRO' | 'SOCPRO';

/** A professional of the territory who may be a usager's référent or a member of their support team, as the Département's directory lists them. */
export interface ReferentDirectoire {
  id_referent: string;
  nom: string;
  structure: string;
  /** The Passerelle partner code of their institution; null for a structure that is not a federation partner (the CCAS). */
  partenaire_passerelle: string | null;
  /** The RSA orientations this professional's structure takes on (empty: not a référent of RSA beneficiaries by default). */
  orientations: readonly CodeOrientation[];
  /** True for the agricultural regime's structures (MSA, chambre d'agriculture), who follow MSA's beneficiaries. */
  agricole: boolean;
}

const mdsRodez = 'Département – Maison des solidarités de Rodez';
const mdsOnet = "Département – Maison des solidarités d'Onet-le-Château";
const mdsLuc = 'Département – Maison des solidarités de Luc-la-Primaube';
const ftRodez = 'France Travail Rodez';
const ftOnet = 'France Travail Onet-le-Château';
const msa = 'MSA Midi-Pyrénées Nord – Aveyron';
const cafSocial = "CAF de l'Aveyron – Action sociale";
const carsatSocial = 'Carsat Midi-Pyrénées – Service social, antenne de Rodez';
const rah = 'Rodez Agglo Habitat';
const ah = 'Aveyron Habitat';

/** The partner code of each structure, by how its name starts (a CCAS is not a federation partner). */
const partenaireDe = (structure: string): string | null =>
  structure.startsWith('Département')
    ? 'departement'
    : structure.startsWith('France Travail')
      ? 'france-travail'
      : structure.startsWith('MSA')
        ? 'msa'
        : structure.startsWith('CAF')
          ? 'caf'
          : structure.startsWith('Carsat')
            ? 'carsat'
            : structure === rah || structure === ah
              ? 'bailleurs'
              : structure.startsWith('Chambre')
                ? 'chambres-consulaires'
                : null;

const r = (n: number, nom: string, structure: string, orientations: readonly CodeOrientation[], agricole = false): ReferentDirectoire => ({
  id_referent: `ref-${String(n).padStart(3, '0')}`,
  nom,
  structure,
  partenaire_passerelle: partenaireDe(structure),
  orientations,
  agricole,
});

/**
 * The fixed directory of professionals (names are fictitious): the référents of RSA beneficiaries
 * (`ref-001` to `ref-020`), then the other partners' professionals who may be anyone's référent or
 * team member (`ref-021` onwards: CAF social work, Carsat's social service, the landlords' social
 * officers, MSA, France Travail, CCAS, the chambers). `ref-001` follows the two personas
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
  r(15, 'Isabelle Rigal', msa, ['SOC', 'SOCPRO'], true),
  r(16, 'Fabien Puech', "Chambre d'agriculture de l'Aveyron", ['PRO'], true),
  r(17, 'Sandrine Mouly', mdsRodez, ['SOC', 'SOCPRO']),
  r(18, 'David Alric', ftRodez, ['PRO']),
  r(19, 'Aurélie Bonnefous', 'CCAS de Sébazac-Concourès', ['SOC']),
  r(20, 'Karine Lagarrigue', mdsOnet, ['SOC', 'SOCPRO']),
  r(21, 'Hélène Delmas', cafSocial, []),
  r(22, 'Yannick Soulié', cafSocial, []),
  r(23, 'Brigitte Vayssettes', carsatSocial, []),
  r(24, 'Gilles Rouquette', carsatSocial, []),
  r(25, 'Agnès Fraysse', rah, []),
  r(26, 'Romain Couderc', ah, []),
  r(27, 'Claire Issaly', msa, [], true),
  r(28, 'Stéphane Boyer', ftOnet, []),
  r(29, 'Lucie Calmels', 'CCAS de Rodez', []),
  r(30, 'Vincent Andrieu', "Chambre de métiers et de l'artisanat – Aveyron", []),
  r(31, 'Mélanie Teulier', "Chambre de commerce et d'industrie de l'Aveyron", []),
  r(32, 'Patrice Galtier', 'CCAS de Villefranche-de-Rouergue', []),
];

export const referentParId: ReadonlyMap<string, ReferentDirectoire> = new Map(referentsDepartement.map((ref) => [ref.id_referent, ref]));

/** The line a file records for a professional of the directory (référent or team member). */
export function professionnel(r: ReferentDirectoire) {
  return { id_referent: r.id_referent, nom: r.nom, structure: r.structure, partenaire_passerelle: r.partenaire_passerelle };
}

/** Who carries an action when no professional of the directory is named: the Département itself. */
export const departementPorteur = { structure: "Département de l'Aveyron", partenaire_passerelle: 'departement' } as const;
