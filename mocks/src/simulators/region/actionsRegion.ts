/** Programme of the Région's regional training plan: `PPRO` Projet Pro (pre-qualifying), `QPRO` Qualif Pro (qualifying). */
export type CodeDispositif = 'PPRO' | 'QPRO';

/** A training action the Région buys, as its catalogue knows it (mocks/docs/region.md). Dates `YYYY-MM-DD`. */
export interface ActionRegion {
  codeAction: string;
  intitule: string;
  dispositif: CodeDispositif;
  /** The certification a qualifying action prepares; null for a pre-qualifying one. */
  certification: { codeRncp: string; intitule: string } | null;
  organisme: { raisonSociale: string; siret: string };
  lieu: { commune: string; codeInsee: string };
  dateDebut: string;
  dateFin: string;
  dureeHeures: number;
}

// Training bodies *(fictitious names and SIRETs)*.
const organismes = {
  insertion: { raisonSociale: 'Rouergue Insertion Formation', siret: '41287365400027' },
  causse: { raisonSociale: 'Centre de formation professionnelle du Causse', siret: '38912044700019' },
  metiers: { raisonSociale: "Institut des métiers de l'Aveyron", siret: '52033918100035' },
};
const rodez = { commune: 'Rodez', codeInsee: '12202' };
const onet = { commune: 'Onet-le-Château', codeInsee: '12176' };
const primaube = { commune: 'Luc-la-Primaube', codeInsee: '12133' };

/**
 * The actions of the Aveyron catalogue the simulator knows. Titles of qualifying actions are
 * titres professionnels of the ministry of labour; their RNCP numbers are *illustrative, unverified*,
 * as are durations and sessions.
 */
export const actionsRegion = {
  projetProServices: {
    codeAction: '26PP12-0041',
    intitule: 'Projet Pro — construire son projet professionnel, métiers du service',
    dispositif: 'PPRO',
    certification: null,
    organisme: organismes.insertion,
    lieu: rodez,
    dateDebut: '2026-07-06',
    dateFin: '2026-12-18',
    dureeHeures: 560,
  },
  agentMagasinier: {
    codeAction: '26QP12-0153',
    intitule: 'Agent magasinier',
    dispositif: 'QPRO',
    certification: { codeRncp: 'RNCP38413', intitule: 'Titre professionnel Agent magasinier' },
    organisme: organismes.causse,
    lieu: onet,
    dateDebut: '2026-10-05',
    dateFin: '2027-03-26',
    dureeHeures: 693,
  },
  projetProSoin: {
    codeAction: '25PP12-0117',
    intitule: "Projet Pro — découverte des métiers du soin et de l'aide à la personne",
    dispositif: 'PPRO',
    certification: null,
    organisme: organismes.insertion,
    lieu: rodez,
    dateDebut: '2025-09-08',
    dateFin: '2026-01-30',
    dureeHeures: 480,
  },
  assistantVieFamilles: {
    codeAction: '25QP12-0208',
    intitule: 'Assistant de vie aux familles',
    dispositif: 'QPRO',
    certification: { codeRncp: 'RNCP35506', intitule: 'Titre professionnel Assistant de vie aux familles' },
    organisme: organismes.metiers,
    lieu: rodez,
    dateDebut: '2025-11-03',
    dateFin: '2026-05-29',
    dureeHeures: 735,
  },
  cariste: {
    codeAction: '26QP12-0032',
    intitule: "Cariste d'entrepôt",
    dispositif: 'QPRO',
    certification: { codeRncp: 'RNCP34858', intitule: "Titre professionnel Cariste d'entrepôt" },
    organisme: organismes.causse,
    lieu: onet,
    dateDebut: '2026-03-02',
    dateFin: '2026-05-22',
    dureeHeures: 385,
  },
  agentProprete: {
    codeAction: '26QP12-0177',
    intitule: "Agent de propreté et d'hygiène",
    dispositif: 'QPRO',
    certification: { codeRncp: 'RNCP38014', intitule: "Titre professionnel Agent de propreté et d'hygiène" },
    organisme: organismes.metiers,
    lieu: primaube,
    dateDebut: '2026-09-07',
    dateFin: '2027-01-22',
    dureeHeures: 546,
  },
  projetProRemobilisation: {
    codeAction: '26PP12-0198',
    intitule: 'Projet Pro — remobilisation et compétences de base',
    dispositif: 'PPRO',
    certification: null,
    organisme: organismes.insertion,
    lieu: rodez,
    dateDebut: '2026-11-16',
    dateFin: '2027-03-12',
    dureeHeures: 450,
  },
  cuisinier: {
    codeAction: '26QP12-0009',
    intitule: 'Cuisinier',
    dispositif: 'QPRO',
    certification: { codeRncp: 'RNCP34999', intitule: 'Titre professionnel Cuisinier' },
    organisme: organismes.metiers,
    lieu: rodez,
    dateDebut: '2026-01-05',
    dateFin: '2026-07-10',
    dureeHeures: 910,
  },
} as const satisfies Record<string, ActionRegion>;

/** The actions people of the synthetic population are enrolled in (the personas' two are theirs alone). */
export const actionsDerivees: readonly ActionRegion[] = [
  actionsRegion.projetProSoin,
  actionsRegion.assistantVieFamilles,
  actionsRegion.cariste,
  actionsRegion.agentProprete,
  actionsRegion.projetProRemobilisation,
  actionsRegion.cuisinier,
];
