import type { Partenaire } from '@passerelle/subgraph-kit';

/** What row authorization needs to know about one usager, from the Département's subgraph. */
export interface AccessFacts {
  /** The active référent de parcours, or null. */
  referentId: string | null;
  /** Partners whose data the usager objected to sharing (active objections only), lower-case as in scopes. */
  oppositions: Partenaire[];
  /** The professionals (directory ids, as a référent token's `referentId`) of the usager's support team today, the référent aside. */
  equipe: string[];
}

/**
 * What a caller's decisions need (rowPolicy.ts): `complete` for a référent (whose référent, who is
 * in the support team, and the objections), `oppositions` for every other role (a partner's or a
 * reception agent sees anyone; only the objections decide what they get). Nothing more is fetched
 * than the decision reads: a reception agent's list does not pull who follows each person.
 */
export type AccessFactsScope = 'complete' | 'oppositions';

/** Sends one GraphQL operation to the Département's subgraph, with the gateway's signed context. */
export type DepartementFetch = (query: string, variables: Record<string, unknown>) => Promise<{ data?: { _entities?: unknown[] } | null; errors?: unknown[] }>;

const oppositionsSelection = /* GraphQL */ `
        oppositions {
          codePartenaire
          active
        }`;

const factsQueries: Readonly<Record<AccessFactsScope, string>> = {
  complete: /* GraphQL */ `
  query PasserelleAccessFacts($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Usager {
        referentDeParcours {
          referent {
            id
          }
        }${oppositionsSelection}
        equipe {
          professionnel {
            id
          }
        }
      }
    }
  }
`,
  oppositions: /* GraphQL */ `
  query PasserelleAccessFacts($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Usager {${oppositionsSelection}
      }
    }
  }
`,
};

type Entity = {
  referentDeParcours?: { referent?: { id?: unknown } } | null;
  oppositions?: Array<{ codePartenaire?: unknown; active?: unknown }> | null;
  equipe?: Array<{ professionnel?: { id?: unknown } | null } | null> | null;
} | null;

/**
 * The access facts of these NIRs, in one call (the Département's loader batches them). Fails
 * closed: when the Département cannot answer, the error propagates and the caller denies. With
 * the `oppositions` scope, `referentId` is null and `equipe` empty: not asked, never read.
 */
export async function fetchAccessFacts(nirs: readonly string[], fetchDepartement: DepartementFetch, scope: AccessFactsScope = 'complete'): Promise<Map<string, AccessFacts>> {
  const facts = new Map<string, AccessFacts>();
  if (nirs.length === 0) return facts;
  const answer = await fetchDepartement(factsQueries[scope], { representations: nirs.map((nir) => ({ __typename: 'Usager', nir })) });
  const entities = answer.data?._entities;
  if (!Array.isArray(entities) || entities.length !== nirs.length || (answer.errors?.length ?? 0) > 0) {
    throw new Error('the Département could not tell who may see these usagers');
  }
  for (let index = 0; index < nirs.length; index += 1) {
    const nir = nirs[index]!;
    const entity = entities[index] as Entity;
    const referentId = entity?.referentDeParcours?.referent?.id;
    facts.set(nir, {
      referentId: typeof referentId === 'string' ? referentId : null,
      oppositions: (entity?.oppositions ?? []).filter((o) => o.active === true && typeof o.codePartenaire === 'string').map((o) => o.codePartenaire as Partenaire),
      equipe: (entity?.equipe ?? []).map((m) => m?.professionnel?.id).filter((id): id is string => typeof id === 'string'),
    });
  }
  return facts;
}
