import { ApolloGateway, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse, print, type FormattedExecutionResult } from 'graphql';
import { applyDenials } from '../../src/authorization/applyDenials';
import { authorizeOperation } from '../../src/authorization/authorizeOperation';
import { apiSchema, plannerSdl, profiles, requirements, supergraphSdl } from './profiles';

// @apollo/gateway would otherwise report usage to Apollo (see createGateway).
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

type Fetch = { subgraph: string; query: string };

/** Subgraphs that answer from fixed data, recording what the gateway asked them. */
function fakeSubgraphs(fetches: Fetch[]) {
  const answers: Record<string, (query: string, variables: Record<string, unknown>) => Record<string, unknown>> = {
    identite: () => ({
      usager: {
        __typename: 'Usager',
        id: 'u1',
        nir: '286041220200135',
        identite: { nomNaissance: 'DELMAS' },
        identitePivot: { nomNaissance: 'DELMAS', nomUsage: null, prenoms: ['Séverine'], sexe: 'F', dateNaissance: '1986-04-17', codeLieuNaissance: '12202' },
      },
    }),
    caf: (_query, variables) => ({
      _entities: (variables.representations as unknown[]).map(() => ({
        __typename: 'Usager',
        caf: { __typename: 'DossierCaf', connu: true, _passerelleAutorisation: 'DossierCaf', numeroAllocataire: '0412345' },
      })),
    }),
  };
  return ({ name }: { name: string }): GraphQLDataSource => ({
    process: ({ request }: GraphQLDataSourceProcessOptions) => {
      fetches.push({ subgraph: name, query: request.query ?? '' });
      const answer = answers[name];
      return Promise.resolve(answer ? { data: answer(request.query ?? '', (request.variables ?? {}) as Record<string, unknown>) } : { data: { _entities: [] } });
    },
  });
}

describe('the supergraph and @apollo/gateway', () => {
  it('refuses the committed supergraph as it is: its security features would be ignored', async () => {
    const gateway = new ApolloGateway({ supergraphSdl });
    await expect(gateway.load()).rejects.toThrow('feature https://specs.apollo.dev/requiresScopes/v0.1 is for: SECURITY but is unsupported');
  });

  it('plans and runs on the planner SDL an operation authorized for a reception agent; the denials go back into the answer', async () => {
    const fetches: Fetch[] = [];
    const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: plannerSdl, buildService: fakeSubgraphs(fetches) }) });
    await server.start();
    try {
      const { caller, finalite } = profiles.accueil!;
      const authorized = authorizeOperation({
        document: parse('query($id: ID!) { usager(id: $id) { id identite { nomNaissance } caf { numeroAllocataire } } }'),
        schema: apiSchema,
        requirements,
        caller,
        finalite,
      });
      const response = await server.executeOperation({ query: print(authorized.document), variables: { id: 'u1' } });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const answer = applyDenials(response.body.singleResult as FormattedExecutionResult, authorized.denials);
      expect(answer).toEqual({
        data: { usager: { id: 'u1', identite: { nomNaissance: 'DELMAS' }, caf: { numeroAllocataire: null } } },
        errors: [{ message: 'Not authorized to read DossierCaf.numeroAllocataire', path: ['usager', 'caf', 'numeroAllocataire'], extensions: { code: 'ACCES_REFUSE' } }],
      });
      expect(fetches.map((f) => f.subgraph)).toEqual(['identite', 'caf']);
      // The CAF subgraph is asked for nothing of the file: only that it exists.
      expect(fetches[1]!.query).not.toContain('numeroAllocataire');
    } finally {
      await server.stop();
    }
  });

  it('fetches for presencePartenaires only that each partner holds a file, never its content', async () => {
    const fetches: Fetch[] = [];
    const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: plannerSdl, buildService: fakeSubgraphs(fetches) }) });
    await server.start();
    try {
      const { caller, finalite } = profiles.accueil!;
      const authorized = authorizeOperation({
        document: parse('{ usager(id: "u1") { presencePartenaires { caf msa franceTravail cpam carsat siao bailleurs } } }'),
        schema: apiSchema,
        requirements,
        caller,
        finalite,
      });
      expect(authorized.denials).toEqual([]);
      await server.executeOperation({ query: print(authorized.document) });
      const partners = fetches.filter((f) => ['caf', 'msa', 'france-travail', 'cpam', 'carsat', 'etat'].includes(f.subgraph));
      expect(partners.map((f) => f.subgraph).sort()).toEqual(['caf', 'carsat', 'cpam', 'etat', 'france-travail', 'msa']);
      for (const fetch of partners)
        expect([fetch.subgraph, fetch.query]).toEqual([fetch.subgraph, expect.stringMatching(/\{\.\.\.on Usager\{(caf|msa|franceTravail|cpam|carsat|hebergement)\{connu\}\}\}\}$/)]);
    } finally {
      await server.stop();
    }
  });
});
