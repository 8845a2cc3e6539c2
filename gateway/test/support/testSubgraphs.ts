import { composeServices } from '@apollo/composition';
import { createSubgraphServer, defaultGatewayContextTtlS, passerelleError, silentLogger, type GatewayContextOptions, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import { parse } from 'graphql';

/** The federation link and the partner declaration every subgraph carries (schema/PARTENAIRES.md). */
export const link = (code: string, opposable = true) => `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@composeDirective"])
  @link(url: "https://passerelle.aveyron.fr/partenaire/v0.1", import: ["@partenaire"])
  @composeDirective(name: "@partenaire")
  @partenaire(code: "${code}", libelle: "Test partner ${code}"${opposable ? '' : ', opposable: false'})
  directive @partenaire(code: String!, libelle: String, opposable: Boolean = true) repeatable on SCHEMA | FIELD_DEFINITION`;

/** The three tiny partners of the gateway's tests, as SDL: each adds one field to `Usager`. */
export const subgraphSdl = {
  identite: `${link('identite', false)}
    type Query { usager(id: ID!): Usager }
    type Usager @key(fields: "id") { id: ID! nom: String! }`,
  caf: `${link('caf')}
    type Usager @key(fields: "id") { id: ID! caf: String @partenaire(code: "caf") quotientFamilial: Int @partenaire(code: "caf") }`,
  cpam: `${link('cpam')}
    type Usager @key(fields: "id") { id: ID! cpam: String @partenaire(code: "cpam") }`,
} as const;

export type SubgraphName = keyof typeof subgraphSdl;

/** The caf SDL as first composed: without `quotientFamilial`, which a later supergraph adds. */
export const cafSdlWithoutQuotient = subgraphSdl.caf.replace(' quotientFamilial: Int @partenaire(code: "caf")', '');

/**
 * Composes a supergraph with URLs nothing listens on: tests reach the subgraphs only through
 * SUBGRAPH_URLS, which proves the overrides are applied.
 */
export function composeSupergraph(sdl: Record<SubgraphName, string>): string {
  const result = composeServices(Object.entries(sdl).map(([name, typeDefs]) => ({ name, typeDefs: parse(typeDefs), url: 'http://127.0.0.1:9/graphql' })));
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

/** A gate a resolver waits on, so a test decides when a slow partner answers. */
export function createGate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

/**
 * Starts the three subgraphs on port 0, trusting the development context keys like a gateway
 * on its defaults. caf fails with a registered code for usager `u-erreur` and waits on `slow` for
 * usager `u-lent`.
 */
export async function startTestSubgraphs(slow: Promise<void>): Promise<Record<SubgraphName, RunningSubgraphServer>> {
  const gatewayContext: GatewayContextOptions = { jwks: '', ttlS: defaultGatewayContextTtlS, mode: 'dev' };
  const start = (name: SubgraphName, resolvers: Parameters<typeof createSubgraphServer>[0]['resolvers']) =>
    createSubgraphServer({ name, typeDefs: parse(subgraphSdl[name]), resolvers, port: 0, host: '127.0.0.1', logger: silentLogger, gatewayContext, createContext: (base) => base });
  const [identite, caf, cpam] = await Promise.all([
    start('identite', {
      Query: { usager: (_: unknown, { id }: { id: string }) => ({ id, nom: `Nom de ${id}` }) },
    }),
    start('caf', {
      Usager: {
        caf: async ({ id }: { id: string }) => {
          if (id === 'u-erreur') throw passerelleError('PARTENAIRE_INDISPONIBLE', 'The CAF legacy system is unavailable.', { partenaire: 'caf' });
          if (id === 'u-lent') await slow;
          return `CAF-${id}`;
        },
        quotientFamilial: () => 742,
      },
    }),
    start('cpam', { Usager: { cpam: ({ id }: { id: string }) => `CPAM-${id}` } }),
  ]);
  return { identite, caf, cpam };
}
