/** A landlord's code in the graph. */
export type CodeBailleur = 'RAH' | 'AH';
/** A landlord's partner name, in errors and configuration. */
export type Partenaire = 'rah' | 'ah';

/** A `Bailleur` as the graph serves it. */
export interface Bailleur {
  code: CodeBailleur;
  nom: string;
}

/** The landlords consulted, in the order `LogementSocial.bailleurs` lists them. */
export const bailleurs: ReadonlyArray<Bailleur & { partenaire: Partenaire }> = [
  { code: 'RAH', nom: 'Rodez Agglo Habitat', partenaire: 'rah' },
  { code: 'AH', nom: 'Aveyron Habitat', partenaire: 'ah' },
];
