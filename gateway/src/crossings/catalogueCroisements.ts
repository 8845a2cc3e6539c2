import type { JointurePseudonymes } from '@passerelle/subgraph-kit';

/** A crossing's name: the schema's `CroisementStatistique`. */
export type NomCroisement = 'RSA_ET_IMPAYE_LOYER' | 'DEMANDEURS_CATEGORIE_1_SANS_C2S' | 'ASPA_ET_IMPAYE_LOYER';

/** One side of a crossing: which partner subgraph is asked, through which @inaccessible field, with which arguments. */
export interface CritereCatalogue {
  /** The partner subgraph, as named in the supergraph. */
  partenaire: string;
  /** Its `Query.pseudonymes…` field (not in the API: the gateway alone calls it, signed). */
  champ: string;
  critere: string;
  /** Whether the field takes the `jointure` argument (partners holding both the NIR and the identity). */
  avecJointure: boolean;
  source: string;
  description: string;
}

export interface Croisement {
  definition: string;
  jointure: JointurePseudonymes;
  /** Exactly two sides; the count is the size of the intersection of their pseudonyms. */
  criteres: readonly [CritereCatalogue, CritereCatalogue];
}

const impayeLoyer: CritereCatalogue = {
  partenaire: 'bailleurs',
  champ: 'pseudonymesBailleurs',
  critere: 'IMPAYE',
  avecJointure: false,
  source: "RAH's and AH's systems",
  description: "Holders of a social-housing lease with at least one month of rent unpaid at the month's arrêté, as the landlords' agents typed them (no NIR).",
};

/**
 * The fixed catalogue (docs/statistics.md, "Crossings"). A crossing is added here and in
 * croisements.graphql; its criteria must exist in the partners' schemas.
 */
export const catalogueCroisements: Readonly<Record<NomCroisement, Croisement>> = {
  RSA_ET_IMPAYE_LOYER: {
    definition: 'RSA households (their allocataire) holding a social-housing lease in rent arrears.',
    jointure: 'IDENTITE_PIVOT',
    criteres: [
      {
        partenaire: 'caf',
        champ: 'pseudonymesCaf',
        critere: 'RSA_OUVERT',
        avecJointure: true,
        source: "CAF's system",
        description: "Allocataires (one per household) of a household with an RSA right open (ETATDOSRSA 2 to 4) on the month's last day.",
      },
      impayeLoyer,
    ],
  },
  DEMANDEURS_CATEGORIE_1_SANS_C2S: {
    definition: 'Job seekers in category 1 with no complémentaire santé solidaire (or no basic rights open) at the CPAM.',
    jointure: 'NIR',
    criteres: [
      {
        partenaire: 'france-travail',
        champ: 'pseudonymesFranceTravail',
        critere: 'CATEGORIE_1',
        avecJointure: false,
        source: "France Travail's system",
        description: "Job seekers registered in category 1 on the month's last day.",
      },
      {
        partenaire: 'cpam',
        champ: 'pseudonymesCpam',
        critere: 'SANS_C2S',
        avecJointure: false,
        source: "CPAM's system",
        description: "Insured of the general regime with no complémentaire santé solidaire (C2S) on the month's last day, or whose basic rights were not open on it.",
      },
    ],
  },
  ASPA_ET_IMPAYE_LOYER: {
    definition: 'Beneficiaries of the minimum old-age pension (ASPA) holding a social-housing lease in rent arrears.',
    jointure: 'IDENTITE_PIVOT',
    criteres: [
      {
        partenaire: 'carsat',
        champ: 'pseudonymesCarsat',
        critere: 'ASPA',
        avecJointure: true,
        source: "Carsat's system",
        description: "Beneficiaries of the ASPA (minimum old-age pension) paid since the month's last day or before.",
      },
      impayeLoyer,
    ],
  },
};

/** True when `nom` is a crossing of the catalogue. */
export function estNomCroisement(nom: unknown): nom is NomCroisement {
  return typeof nom === 'string' && Object.prototype.hasOwnProperty.call(catalogueCroisements, nom);
}
