import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { isProvisionalKey, provisionalKeyPattern } from '../src/identity/provisionalKey';
import { guardProvisionalKeys } from '../src/subgraph/guardProvisionalKeys';
import { buildNir } from '../src/identity/nir';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
  type Query { "Unused." ping: String }
  "A person."
  type Usager @key(fields: "nir") {
    "Key."
    nir: String!
    "Known elsewhere."
    identitePivot: Pivot @external
    "The partner's file."
    dossier: Dossier @requires(fields: "identitePivot { dateNaissance }")
    "Its events."
    evenements: [String!]!
    "Read from the reference by the default resolver."
    marque: String
  }
  "A pivot."
  type Pivot @key(fields: "dateNaissance") { "Date." dateNaissance: String! }
  "A file."
  type Dossier { "Number." numero: String! }
`);

const nir = buildNir({ sexe: 2, annee: 1985, mois: 3, lieu: '12202', ordre: 7 });
const provisoire = 'PRV000000000042';

/** A partner whose every resolver counts as a call to its legacy system. */
function partner() {
  const calls: string[] = [];
  const resolvers = {
    Usager: {
      __resolveReference: (ref: { nir: string }) => {
        calls.push('reference');
        return { ...ref, marque: 'lue' };
      },
      dossier: (u: { nir: string }) => {
        calls.push('dossier');
        return { numero: `D-${u.nir.slice(-2)}` };
      },
      evenements: { resolve: () => (calls.push('evenements'), ['inscription']) },
    },
  };
  return { calls, resolvers };
}

const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Usager { dossier { numero } evenements marque } } }`;
const run = (resolvers: Parameters<typeof guardProvisionalKeys>[0], keys: string[]) =>
  graphql({
    schema: buildSubgraphSchema([{ typeDefs, resolvers }]),
    source: query,
    variableValues: { r: keys.map((key) => ({ __typename: 'Usager', nir: key, identitePivot: { dateNaissance: '1985-03-02' } })) },
  });

describe('provisional keys', () => {
  it('recognises PRV followed by 12 digits, and nothing else', () => {
    expect(provisionalKeyPattern.source).toBe('^PRV\\d{12}$');
    expect([provisoire, 'PRV123456789012'].map(isProvisionalKey)).toEqual([true, true]);
    expect([nir, 'PRV00000000004', 'PRV0000000000420', 'prv000000000042', ' PRV000000000042', 42, null].map(isProvisionalKey)).toEqual([false, false, false, false, false, false, false]);
  });

  it('answers "nothing yet" for a provisional key without calling any of the partner resolvers, and serves a NIR as before', async () => {
    const { calls, resolvers } = partner();
    const result = await run(guardProvisionalKeys(resolvers, typeDefs), [provisoire, nir]);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { dossier: null, evenements: [], marque: null },
        { dossier: { numero: `D-${nir.slice(-2)}` }, evenements: ['inscription'], marque: 'lue' },
      ],
    });
    // Only the NIR's: the provisional key cost the partner nothing.
    expect(calls).toEqual(['reference', 'dossier', 'evenements']);
  });

  it('leaves a subgraph that does not define Usager fields as it is', () => {
    const resolvers = { Query: { ping: () => 'pong' } };
    expect(guardProvisionalKeys(resolvers, parse('type Query { ping: String }'))).toBe(resolvers);
  });

  it('without the guard (a subgraph that accepts provisional keys), the partner resolves the provisional key itself', async () => {
    const { calls, resolvers } = partner();
    const result = await run(resolvers, [provisoire]);
    expect(result.data).toEqual({ _entities: [{ dossier: { numero: 'D-42' }, evenements: ['inscription'], marque: 'lue' }] });
    expect(calls).toEqual(['reference', 'dossier', 'evenements']);
  });
});
