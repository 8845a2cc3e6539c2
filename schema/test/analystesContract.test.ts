import { composeServices } from '@apollo/composition';
import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, Kind, parse, type DirectiveNode, type GraphQLNamedType } from 'graphql';
import { categoryOf } from '../src/check/classificationConvention';
import { argumentsOf } from '../src/check/linkedDirectiveName';
import { analystesApiSchemaPath, analystesContract, supergraphPath } from '../src/index';

const supergraphSdl = readFileSync(supergraphPath, 'utf8');
const contractApi = buildSchema(readFileSync(analystesApiSchemaPath, 'utf8'));

/**
 * The category (schema/AUTHORIZATION.md) of every type and field of the supergraph, read from its
 * security directives independently of the contract's own code.
 */
function supergraphCategories(sdl: string): Map<string, string | undefined> {
  const requirement = (directives: readonly DirectiveNode[] | undefined) => {
    const find = (name: string) => directives?.find((d) => d.name.value === name);
    const lists = (name: string, argument: string) => {
      const directive = find(name);
      return directive === undefined ? null : (argumentsOf(directive)[argument] as string[][]);
    };
    return categoryOf({ authenticated: find('authenticated') !== undefined, scopes: lists('requiresScopes', 'scopes'), policies: lists('policy', 'policies') });
  };
  const categories = new Map<string, string | undefined>();
  for (const definition of parse(sdl).definitions) {
    if (!('name' in definition) || definition.name === undefined || definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
    categories.set(definition.name.value, requirement('directives' in definition ? definition.directives : undefined));
    if ('fields' in definition) for (const field of definition.fields ?? []) categories.set(`${definition.name.value}.${field.name.value}`, requirement(field.directives));
  }
  return categories;
}

/** Every type and field reachable from the roots of a schema: fields' types, arguments' types, union members, interfaces. */
function walk(schema: ReturnType<typeof buildSchema>): { types: Set<string>; fields: Set<string> } {
  const types = new Set<string>();
  const fields = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (types.has(type.name)) return;
    types.add(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        fields.add(`${type.name}.${field.name}`);
        visit(getNamedType(field.type));
        for (const argument of field.args) visit(getNamedType(argument.type));
      }
      for (const implemented of type.getInterfaces()) visit(implemented);
    }
    if (isUnionType(type)) for (const member of type.getTypes()) visit(member);
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
  };
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) if (root) visit(root);
  return { types, fields };
}

describe('the analysts’ contract (schema/api-analystes.graphql)', () => {
  it('is the contract of the committed supergraph (run `npm run compose` if this fails)', () => {
    const header = readFileSync(analystesApiSchemaPath, 'utf8').split('\n')[0];
    expect(readFileSync(analystesApiSchemaPath, 'utf8')).toBe(`${header}\n${analystesContract(supergraphSdl).apiSdl}`);
  });

  it('has statistiques and the reception network as its only entry points, and no mutation', () => {
    expect(Object.keys(contractApi.getQueryType()!.getFields()).sort()).toEqual(expect.arrayContaining(['evenementsTiersLieu', 'lieuAccueil', 'lieuxAccueil', 'statistiques']));
    expect(contractApi.getMutationType()).toBeUndefined();
    expect(contractApi.getSubscriptionType()).toBeUndefined();
  });

  it('leads to no person: every type and field reachable is Usager-free and of category agregat, reseau or public', () => {
    const categories = supergraphCategories(supergraphSdl);
    const { types, fields } = walk(contractApi);
    const builtIn = (name: string) => ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(name);
    const classified = [...[...types].filter((t) => !builtIn(t)), ...fields].map(
      (coordinate) => [coordinate, categories.has(coordinate) ? categories.get(coordinate) : 'absent from the supergraph'] as const,
    );
    expect(classified.filter(([, category]) => !['agregat', 'reseau', 'public'].includes(category ?? 'none'))).toEqual([]);
    expect([...types].filter((t) => /^(Usager|Identite|Dossier|Parcours|Referent|Portefeuille|Orientation|InscriptionTiersLieu|Passage|Note|JournalDesAcces)/.test(t))).toEqual([]);
    // What it should hold is there: the aggregates and the cells.
    expect([...fields]).toEqual(expect.arrayContaining(['Query.statistiques', 'Statistiques.caf', 'TableauStatistique.cellules', 'CelluleStatistique.secret', 'Query.lieuxAccueil']));
  });

  it('is a part of the main API schema: every field it has, clients of /graphql have alike', () => {
    const main = buildSchema(readFileSync(supergraphPath.replace('supergraph.graphql', 'api.graphql'), 'utf8'));
    const { fields } = walk(contractApi);
    const missing = [...fields].filter((coordinate) => {
      const [type, field] = coordinate.split('.') as [string, string];
      const inMain = main.getType(type);
      return !(inMain && (isObjectType(inMain) || isInterfaceType(inMain)) && field in inMain.getFields());
    });
    expect(missing).toEqual([]);
  });
});

describe('analystesContract', () => {
  // Two tiny subgraphs: an aggregate that (wrongly) offers a way to a person, and the person.
  const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@requiresScopes", "@authenticated"])';
  const stats = `${link}
    type Query { statistiques: Stats @requiresScopes(scopes: [["role:analyste"]]) personnes: [Usager!]! @requiresScopes(scopes: [["role:referent"]]) lieux: [Lieu!]! @authenticated }
    type Stats { total: Int @requiresScopes(scopes: [["role:analyste"]]) exemple: Usager @requiresScopes(scopes: [["role:analyste"]]) lieu: Lieu detail: Detail }
    type Detail { code: String secretPerso: String @requiresScopes(scopes: [["role:referent"]]) }
    type Lieu { nom: String }
    type Usager @key(fields: "id") @requiresScopes(scopes: [["role:accueil"], ["role:referent"], ["role:agent"], ["role:usager"]]) { id: ID! }
    type Mutation { ecrire: Int @requiresScopes(scopes: [["role:referent"]]) }`;
  const identite = `${link}
    type Usager @key(fields: "id") @requiresScopes(scopes: [["role:accueil"], ["role:referent"], ["role:agent"], ["role:usager"]]) { id: ID! nom: String @requiresScopes(scopes: [["role:referent"]]) }`;
  const composed = composeServices([
    { name: 'stats', url: 'http://stats', typeDefs: parse(stats) },
    { name: 'identite', url: 'http://identite', typeDefs: parse(identite) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));

  it('keeps the aggregate roots and the reception network, and hides every way to a person and every personal field', () => {
    const contract = analystesContract(composed.supergraphSdl);
    const { types, fields } = walk(buildSchema(contract.apiSdl));
    expect([...fields].sort()).toEqual(['Detail.code', 'Lieu.nom', 'Query.lieux', 'Query.statistiques', 'Stats.detail', 'Stats.lieu', 'Stats.total']);
    expect(types.has('Usager')).toBe(false);
    expect(contract.excluded).toEqual(['Detail.secretPerso', 'Mutation', 'Query.personnes', 'Stats.exemple', 'Usager']);
  });

  it('refuses a supergraph without any aggregate entry point', () => {
    const noStats = composeServices([{ name: 'identite', url: 'http://identite', typeDefs: parse(`${identite}\n type Query { lieux: [String!]! @authenticated }`) }]);
    if (noStats.errors) throw new Error(noStats.errors.map((e) => e.message).join('\n'));
    expect(() => analystesContract(noStats.supergraphSdl)).toThrow('The analysts’ contract has no entry point: no Query field of the supergraph is in the category agregat (schema/AUTHORIZATION.md).');
  });
});
