/** A chamber's code in the graph. */
export type CodeChambre = 'CCI' | 'CMA' | 'CHAMBRE_AGRICULTURE';
/** A chamber's legacy system, as named in errors (`extensions.partenaire`), configuration and the simulator. */
export type Systeme = 'cci' | 'cma' | 'chambre-agriculture';

/** A `Chambre` as the graph serves it. */
export interface Chambre {
  code: CodeChambre;
  nom: string;
}

/** The chambers consulted, in the order `ChambresConsulaires.chambres` lists them. */
export const chambres: ReadonlyArray<Chambre & { systeme: Systeme }> = [
  { code: 'CCI', nom: 'CCI Aveyron', systeme: 'cci' },
  { code: 'CMA', nom: "Chambre de métiers et de l'artisanat de l'Aveyron", systeme: 'cma' },
  { code: 'CHAMBRE_AGRICULTURE', nom: "Chambre d'agriculture de l'Aveyron", systeme: 'chambre-agriculture' },
];
