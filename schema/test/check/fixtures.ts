import { composeSubgraphSdls } from '../../src/check/composeSubgraphSdls';
import type { SchemaCheckInput, SubgraphSdl } from '../../src/check';

/** A two-subgraph federation that passes every check: the fixtures the tests break one rule at a time. */
const identiteScopes = '@requiresScopes(scopes: [["role:accueil"], ["role:referent"], ["role:agent"], ["role:usager"]])';
export const presenceCaf = '@requiresScopes(scopes: [["role:accueil"], ["role:referent"], ["role:agent", "partenaire:caf"], ["role:usager"]]) @policy(policies: [["finalite-hors-controle"]])';
export const donneesCaf = '@requiresScopes(scopes: [["role:referent"], ["role:agent", "partenaire:caf"], ["role:usager"]]) @policy(policies: [["finalite-hors-controle"]])';

const partnerDirective = `
"Passerelle's partner declaration."
directive @partenaire(
  "The partner's code."
  code: String!
  "The partner's name."
  libelle: String
  "Whether a usager may object."
  opposable: Boolean = true
) repeatable on SCHEMA | FIELD_DEFINITION
`;
const header = (declaration: string, imports = '"@key", "@inaccessible", "@requiresScopes", "@policy", "@external"') => `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9", import: [${imports}, "@composeDirective"])
  @link(url: "https://passerelle.aveyron.fr/partenaire/v0.1", import: ["@partenaire"])
  @composeDirective(name: "@partenaire")
  ${declaration}
${partnerDirective}`;

export const identiteSdl = `${header('@partenaire(code: "identite", libelle: "Référentiel d\'identité", opposable: false)')}
"Entry points."
type Query {
  "A usager by opaque id."
  usager("Opaque usager id." id: ID!): Usager ${identiteScopes}
}

"A person helped by the agency."
type Usager @key(fields: "id") @key(fields: "nir") ${identiteScopes} {
  "Opaque id."
  id: ID!
  "Social security number."
  nir: String! @inaccessible
  "Civil name."
  nom: String! ${identiteScopes} @partenaire(code: "identite")
}
`;

export const cafSdl = `${header('@partenaire(code: "caf", libelle: "Caisse d\'allocations familiales")')}
"A person helped by the agency."
type Usager @key(fields: "nir") {
  "Social security number."
  nir: String! @inaccessible
  "The CAF file."
  caf: DossierCaf ${presenceCaf} @partenaire(code: "caf")
}

"A household's file at the CAF."
type DossierCaf {
  "Quotient familial."
  quotientFamilial: Int! ${donneesCaf}
  "Postcode of the household."
  codePostal: String! ${donneesCaf}
  "State of the file."
  statut: StatutCaf! ${donneesCaf}
  "Always true."
  connu: Boolean! @inaccessible
}

"State of a CAF file."
enum StatutCaf {
  "Open."
  OUVERT
  "Closed."
  CLOS
}
`;

export const cleanSubgraphs: SubgraphSdl[] = [
  { name: 'identite', sdl: identiteSdl },
  { name: 'caf', sdl: cafSdl },
];

/** The clean federation's API schema: the base every test diffs against. */
export function cleanApiSdl(): string {
  const composed = composeSubgraphSdls(cleanSubgraphs);
  if (!composed.ok) throw new Error(`the clean fixture does not compose: ${JSON.stringify(composed.problems)}`);
  return composed.apiSdl;
}

export const dossierOperation = 'query Dossier($id: ID!) {\n  usager(id: $id) {\n    nom\n    caf {\n      quotientFamilial\n      statut\n    }\n  }\n}';

/** The check's input on the clean federation, with `caf` (or any subgraph) replaced as the test says. */
export function inputWith(changes: { caf?: string; identite?: string; extra?: SubgraphSdl[] } = {}, rest: Partial<SchemaCheckInput> = {}): SchemaCheckInput {
  return {
    subgraphs: [{ name: 'identite', sdl: changes.identite ?? identiteSdl }, { name: 'caf', sdl: changes.caf ?? cafSdl }, ...(changes.extra ?? [])],
    base: { sdl: cleanApiSdl(), label: 'the base' },
    operations: [{ name: 'Dossier', source: 'gateway/operations/Dossier.graphql', body: dossierOperation }],
    acknowledgements: [],
    ...rest,
  };
}

/** Replaces `search` in `text`, failing loudly when the fixture no longer contains it. */
export function edit(text: string, search: string, replacement: string): string {
  if (!text.includes(search)) throw new Error(`fixture does not contain ${search}`);
  return text.replace(search, replacement);
}
