import { expect } from '@jest/globals';
import { runSchemaCheck, type LintFinding } from '../../src/check';
import { cafSdl, donneesCaf, edit, identiteSdl, inputWith, presenceCaf } from './fixtures';

const lintOf = async (changes: Parameters<typeof inputWith>[0]): Promise<LintFinding[]> => (await runSchemaCheck(inputWith(changes))).lint;
const cafDeclaration = '@partenaire(code: "caf", libelle: "Caisse d\'allocations familiales")';

describe('lint on a clean federation', () => {
  it('finds nothing', async () => {
    expect(await lintOf({})).toEqual([]);
  });
});

describe('lint: documentation', () => {
  it('names the subgraph and coordinate of an undocumented field', async () => {
    expect(await lintOf({ caf: edit(cafSdl, '  "Quotient familial."\n', '') })).toEqual([
      { rule: 'documentation', subgraph: 'caf', coordinate: 'DossierCaf.quotientFamilial', message: 'DossierCaf.quotientFamilial has no description' },
    ]);
  });

  it('finds an undocumented argument and enum value', async () => {
    const sdl = edit(edit(identiteSdl, '"Opaque usager id." id: ID!', 'id: ID!'), '"Entry points."\n', '');
    expect((await lintOf({ identite: sdl })).map((f) => [f.subgraph, f.coordinate])).toEqual([
      ['identite', 'Query'],
      ['identite', 'Query…id'],
    ]);
  });

  it('blames the composed API for a type every subgraph only extends, and accepts it once one subgraph defines it with a description', async () => {
    const mutation = (definition: string) =>
      `\n${definition} {\n  "Records something."\n  enregistrer("What." quoi: String!): Boolean @requiresScopes(scopes: [["role:referent"], ["role:agent", "partenaire:departement"]])\n}\n`;
    expect(await lintOf({ caf: cafSdl + mutation('extend type Mutation') })).toEqual([
      { rule: 'documentation', coordinate: 'Mutation', message: expect.stringContaining('Mutation has no description in the composed API') },
    ]);
    expect(await lintOf({ caf: cafSdl + mutation('"Writes."\ntype Mutation') })).toEqual([]);
  });
});

describe('lint: classification (schema/AUTHORIZATION.md)', () => {
  it('refuses a requirement that is no category', async () => {
    const sdl = edit(cafSdl, `quotientFamilial: Int! ${donneesCaf}`, 'quotientFamilial: Int! @requiresScopes(scopes: [["role:agent"], ["role:analyste"]])');
    expect(await lintOf({ caf: sdl })).toEqual([
      {
        rule: 'classification',
        subgraph: 'caf',
        coordinate: 'DossierCaf.quotientFamilial',
        message: "DossierCaf.quotientFamilial's directives are no category of schema/AUTHORIZATION.md: give it exactly the directives of its category",
      },
    ]);
  });

  it('accepts a category whatever the order of its alternatives', async () => {
    const reordered = '@policy(policies: [["finalite-hors-controle"]]) @requiresScopes(scopes: [["role:usager"], ["partenaire:caf", "role:agent"], ["role:referent"]])';
    expect(await lintOf({ caf: edit(cafSdl, `quotientFamilial: Int! ${donneesCaf}`, `quotientFamilial: Int! ${reordered}`) })).toEqual([]);
  });

  it('requires a category on a field of Usager', async () => {
    const sdl = edit(cafSdl, `caf: DossierCaf ${presenceCaf}`, 'caf: DossierCaf');
    expect(await lintOf({ caf: sdl })).toEqual([
      { rule: 'classification', subgraph: 'caf', coordinate: 'Usager.caf', message: expect.stringContaining('Usager.caf is about a person but carries no security directive') },
    ]);
  });

  it("requires the partner's category on every field of its file", async () => {
    const sdl = edit(cafSdl, `codePostal: String! ${donneesCaf}`, 'codePostal: String! @authenticated').replace('"@key",', '"@key", "@authenticated",');
    expect(await lintOf({ caf: sdl })).toEqual([
      {
        rule: 'classification',
        subgraph: 'caf',
        coordinate: 'DossierCaf.codePostal',
        message: `DossierCaf.codePostal is a field of caf's file (Usager.caf returns DossierCaf) but carries reseau: give it donnees-partenaire:caf, ${donneesCaf}`,
      },
    ]);
  });

  it("accepts a partner published since with its own code's categories, and only its own", async () => {
    // The CAF fixture re-declared as a new partner (npm run subgraph:new), without the CRPA policy only CAF, MSA and France Travail carry.
    const published = cafSdl.replaceAll(' @policy(policies: [["finalite-hors-controle"]])', '').replaceAll('"caf"', '"mission-locale"').replaceAll('partenaire:caf', 'partenaire:mission-locale');
    expect(await lintOf({ caf: published })).toEqual([]);
    const otherCode = edit(
      published,
      'quotientFamilial: Int! @requiresScopes(scopes: [["role:referent"], ["role:agent", "partenaire:mission-locale"], ["role:usager"]])',
      'quotientFamilial: Int! @requiresScopes(scopes: [["role:referent"], ["role:agent", "partenaire:cci"], ["role:usager"]])',
    );
    expect(await lintOf({ caf: otherCode })).toEqual([
      {
        rule: 'classification',
        subgraph: 'caf',
        coordinate: 'DossierCaf.quotientFamilial',
        message: "DossierCaf.quotientFamilial's directives are no category of schema/AUTHORIZATION.md: give it exactly the directives of its category",
      },
    ]);
  });

  it('refuses a public mutation', async () => {
    const sdl = `${cafSdl}\n"Writes."\ntype Mutation {\n  "Records something."\n  enregistrer("What." quoi: String!): Boolean\n}\n`;
    expect(await lintOf({ caf: sdl })).toEqual([
      { rule: 'classification', subgraph: 'caf', coordinate: 'Mutation.enregistrer', message: expect.stringContaining('a mutation writes about someone and is never public') },
    ]);
  });

  /** A partner published since by its own folder, which the convention's table does not list: `caf`'s fixture under its own code, without CAF's policy. */
  const publishedPartner = (scopeCode: string) => ({
    name: 'mission-locale',
    sdl: cafSdl
      .replace('@partenaire(code: "caf", libelle: "Caisse d\'allocations familiales")', '@partenaire(code: "mission-locale", libelle: "Mission locale")')
      .replaceAll('@partenaire(code: "caf")', '@partenaire(code: "mission-locale")')
      .replaceAll(' @policy(policies: [["finalite-hors-controle"]])', '')
      .replaceAll('partenaire:caf', `partenaire:${scopeCode}`)
      .replace('caf: DossierCaf', 'missionLocale: DossierMissionLocale')
      .replaceAll('DossierCaf', 'DossierMissionLocale')
      .replaceAll('StatutCaf', 'StatutMissionLocale'),
  });

  it("accepts a newly published partner's file classified under its own code", async () => {
    expect(await lintOf({ extra: [publishedPartner('mission-locale')] })).toEqual([]);
  });

  it("refuses a newly published partner's file classified under a code it does not declare", async () => {
    expect((await lintOf({ extra: [publishedPartner('autre')] })).map((f) => [f.subgraph, f.coordinate])).toEqual([
      ['mission-locale', 'Usager.missionLocale'],
      ['mission-locale', 'DossierMissionLocale.quotientFamilial'],
      ['mission-locale', 'DossierMissionLocale.codePostal'],
      ['mission-locale', 'DossierMissionLocale.statut'],
    ]);
  });

  it('requires the identite category on the composed Usager type', async () => {
    const sdl = identiteSdl.replace(/type Usager @key\(fields: "id"\) @key\(fields: "nir"\) @requiresScopes\([^)]*\)/, 'type Usager @key(fields: "id") @key(fields: "nir")');
    expect(await lintOf({ identite: sdl })).toEqual([{ rule: 'classification', coordinate: 'Usager', message: expect.stringContaining('the composed Usager type is public, not identite') }]);
  });
});

describe('lint: partner declaration', () => {
  const partnerFindings = async (changes: Parameters<typeof inputWith>[0]) =>
    (await lintOf(changes)).filter((f) => f.rule === 'partner-declaration').map(({ subgraph, coordinate, message }) => ({ subgraph, coordinate, message }));

  it('reports a subgraph without any declaration once', async () => {
    const bare = cafSdl
      .replace('  @link(url: "https://passerelle.aveyron.fr/partenaire/v0.1", import: ["@partenaire"])\n  @composeDirective(name: "@partenaire")\n', '')
      .replace(` ${cafDeclaration}`, '')
      .replace(', "@composeDirective"', '')
      .replace(' @partenaire(code: "caf")', '')
      .replace(/\n"Passerelle's partner declaration."[\s\S]*?on SCHEMA \| FIELD_DEFINITION\n/, '');
    expect(bare).not.toContain('@partenaire');
    expect(await partnerFindings({ caf: bare })).toEqual([
      { subgraph: 'caf', coordinate: 'schema', message: expect.stringContaining('declares no partner: add to `extend schema` @link(url: "https://passerelle.aveyron.fr/partenaire/v0.1"') },
    ]);
  });

  it('refuses a declaration without @composeDirective', async () => {
    expect(await partnerFindings({ caf: edit(cafSdl, '  @composeDirective(name: "@partenaire")\n', '') })).toEqual([
      { subgraph: 'caf', coordinate: 'schema', message: expect.stringContaining('no @composeDirective(name: "@partenaire")') },
    ]);
  });

  it('refuses two schema-level declarations', async () => {
    expect(await partnerFindings({ caf: edit(cafSdl, cafDeclaration, `${cafDeclaration} @partenaire(code: "msa", libelle: "MSA")`) })).toEqual([
      { subgraph: 'caf', coordinate: 'schema', message: 'declares 2 partners on the schema: a subgraph speaks for exactly one' },
    ]);
  });

  it('refuses a malformed code and a missing libelle', async () => {
    expect(await partnerFindings({ caf: edit(cafSdl, cafDeclaration, '@partenaire(code: "CAF_12")') })).toEqual([
      { subgraph: 'caf', coordinate: 'schema', message: 'partner code "CAF_12" is not lower-case letters, digits and hyphens, 2 to 31 characters starting with a letter' },
      { subgraph: 'caf', coordinate: 'schema', message: "the schema's @partenaire has no libelle: give the partner's name for people" },
    ]);
  });

  it('refuses a code two subgraphs declare', async () => {
    expect(
      await partnerFindings({
        identite: edit(identiteSdl, '@partenaire(code: "identite", libelle', '@partenaire(code: "caf", libelle').replace('@partenaire(code: "identite")', '@partenaire(code: "caf")'),
      }),
    ).toEqual([{ subgraph: 'identite, caf', coordinate: 'schema', message: 'partner code "caf" is declared by 2 subgraphs (identite, caf): each partner code belongs to one subgraph' }]);
  });

  it("refuses a field-level declaration with another partner's code", async () => {
    expect(await partnerFindings({ caf: edit(cafSdl, ' @partenaire(code: "caf")', ' @partenaire(code: "msa")') })).toEqual([
      { subgraph: 'caf', coordinate: 'Usager.caf', message: '@partenaire(code: "msa") on Usager.caf: this subgraph speaks for "caf" and may only declare its own data' },
    ]);
  });

  it('refuses a field-level declaration off Usager', async () => {
    expect(await partnerFindings({ caf: edit(cafSdl, `quotientFamilial: Int! ${donneesCaf}`, `quotientFamilial: Int! ${donneesCaf} @partenaire(code: "caf")`) })).toEqual([
      { subgraph: 'caf', coordinate: 'DossierCaf.quotientFamilial', message: '@partenaire on DossierCaf.quotientFamilial: field-level declarations belong on fields of Usager only' },
    ]);
  });

  it('refuses a field-level declaration on a field the subgraph does not resolve', async () => {
    const sdl = edit(
      cafSdl,
      '  "The CAF file."',
      '  "Civil name, from identite."\n  nom: String! @external @partenaire(code: "caf")\n  "Computed."\n  initiale: String @requires(fields: "nom") @requiresScopes(scopes: [["role:accueil"], ["role:referent"], ["role:agent"], ["role:usager"]])\n  "The CAF file."',
    ).replace('"@external"', '"@external", "@requires"');
    expect(await partnerFindings({ caf: sdl })).toEqual([
      { subgraph: 'caf', coordinate: 'Usager.nom', message: '@partenaire on Usager.nom, which this subgraph does not resolve (@external): declare it in the subgraph that resolves it' },
    ]);
  });
});

describe('lint: no nir', () => {
  it('refuses a field named nir in the API', async () => {
    const sdl = edit(cafSdl, '  "Always true."', `  "The allocataire's NIR."\n  nir: String! ${donneesCaf}\n  "Always true."`);
    expect(await lintOf({ caf: sdl })).toEqual([
      { rule: 'no-nir', coordinate: 'DossierCaf.nir', message: 'DossierCaf.nir exposes a field named nir to clients: mark it @inaccessible in its subgraph and give clients Usager.id' },
    ]);
  });
});
