import { readSecurityDirectives } from '../../src/authorization/readSecurityDirectives';
import { partnerCodes, plannerSdl, requirements, supergraphSdl } from './profiles';

const scopes = (...lists: string[][]) => lists;
const identite = scopes(['role:accueil'], ['role:referent'], ['role:agent'], ['role:usager']);
const presence = (p: string) => scopes(['role:accueil'], ['role:referent'], ['role:agent', `partenaire:${p}`], ['role:usager']);
const contenu = (p: string) => scopes(['role:referent'], ['role:agent', `partenaire:${p}`], ['role:usager']);
const horsControle = [['finalite-hors-controle']];

describe('readSecurityDirectives on the committed supergraph', () => {
  it.each([
    ['Query.usager', { authenticated: false, scopes: identite, policies: null }],
    ['Query.usagers', { authenticated: false, scopes: identite, policies: null }],
    ['Query.rechercherUsagers', { authenticated: false, scopes: identite, policies: null }],
    ['Usager', { authenticated: false, scopes: identite, policies: null }],
    ['Usager.identite', { authenticated: false, scopes: identite, policies: null }],
    ['Usager.caf', { authenticated: false, scopes: presence('caf'), policies: horsControle }],
    ['DossierCaf.droits', { authenticated: false, scopes: contenu('caf'), policies: horsControle }],
    ['DossierMsa.prestationsFamiliales', { authenticated: false, scopes: contenu('msa'), policies: horsControle }],
    ['DossierFranceTravail.diagnostic', { authenticated: false, scopes: contenu('france-travail'), policies: horsControle }],
    ['Usager.cpam', { authenticated: false, scopes: presence('cpam'), policies: null }],
    ['CouvertureSante.c2s', { authenticated: false, scopes: contenu('cpam'), policies: null }],
    ['SituationBailleur.baux', { authenticated: false, scopes: contenu('bailleurs'), policies: null }],
    ['Rapprochement.statut', { authenticated: false, scopes: presence('bailleurs'), policies: null }],
    ['SituationHebergement.demandes', { authenticated: false, scopes: contenu('siao'), policies: null }],
    ['Usager.presencePartenaires', { authenticated: false, scopes: scopes(['role:accueil'], ['role:referent'], ['role:usager']), policies: horsControle }],
    ['Usager.orientations', { authenticated: false, scopes: scopes(['role:accueil'], ['role:referent'], ['role:usager']), policies: null }],
    ['Usager.dossierPartage', { authenticated: false, scopes: contenu('departement'), policies: null }],
    ['Usager.oppositions', { authenticated: false, scopes: scopes(['role:accueil'], ['role:referent'], ['role:agent', 'partenaire:departement'], ['role:usager']), policies: null }],
    ['Usager.synthese', { authenticated: false, scopes: scopes(['role:referent'], ['role:usager']), policies: horsControle }],
    ['Query.monPortefeuille', { authenticated: false, scopes: scopes(['role:referent']), policies: null }],
    ['Mutation.ajouterNote', { authenticated: false, scopes: scopes(['role:referent'], ['role:agent', 'partenaire:departement']), policies: null }],
    ['Mutation.enregistrerOpposition', { authenticated: false, scopes: scopes(['role:accueil'], ['role:referent'], ['role:agent', 'partenaire:departement'], ['role:usager']), policies: null }],
    ['Mutation.orienterUsager', { authenticated: false, scopes: scopes(['role:accueil'], ['role:referent']), policies: null }],
    ['Query.lieuxAccueil', { authenticated: true, scopes: null, policies: null }],
    ['Query.evenementsTiersLieu', { authenticated: true, scopes: null, policies: null }],
    ['LieuAccueil', { authenticated: true, scopes: null, policies: null }],
  ])('%s', (coordinate, expected) => {
    expect(requirements.get(coordinate)).toEqual(expected);
  });

  it('leaves public what carries no directive: the opaque id, the file markers, the reference data', () => {
    for (const coordinate of ['Usager.id', 'DossierCaf.connu', 'Permanence.jour', 'PresencePartenaires.caf', 'Query']) {
      expect([coordinate, requirements.get(coordinate)]).toEqual([coordinate, undefined]);
    }
  });

  it('gives the planner the supergraph without the three security features, and with everything else', () => {
    expect(plannerSdl).not.toMatch(/authenticated|requiresScopes|policy|@policy/);
    expect(plannerSdl).toContain('@link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)');
    expect(plannerSdl).toContain('@link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)');
    expect(plannerSdl).toContain('nir: String! @inaccessible');
    expect(readSecurityDirectives(plannerSdl, partnerCodes).requirements.size).toBe(0);
  });
});

/** A small supergraph whose features are renamed (`as:`, `import`) the way the link spec allows. */
const renamed = `
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)
  @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "portee", for: SECURITY)
  @link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY, import: [{ name: "@policy", as: "@regle" }])
{ query: Query }
directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @portee(scopes: [[portee__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @regle(policies: [[policy__Policy!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
scalar portee__Scope
scalar policy__Policy
type Query { a: A @portee(scopes: [["role:referent"], ["role:agent", "partenaire:msa"]]) b(n: Int): String @regle(policies: [["finalite-hors-controle"]]) c: E d: Horodatage }
type A @authenticated { x: String }
interface I @portee(scopes: [["role:usager"]]) { x: String }
enum E @portee(scopes: [["role:usager"]]) { V }
scalar Horodatage @authenticated
`;

describe('readSecurityDirectives: names and locations', () => {
  it('resolves the directives by their linked names, on fields and on object, interface, enum and scalar types', () => {
    const { requirements: read, plannerSdl: stripped } = readSecurityDirectives(renamed, partnerCodes);
    expect(Object.fromEntries(read)).toEqual({
      'Query.a': { authenticated: false, scopes: [['role:referent'], ['role:agent', 'partenaire:msa']], policies: null },
      'Query.b': { authenticated: false, scopes: null, policies: [['finalite-hors-controle']] },
      A: { authenticated: true, scopes: null, policies: null },
      I: { authenticated: false, scopes: [['role:usager']], policies: null },
      E: { authenticated: false, scopes: [['role:usager']], policies: null },
      Horodatage: { authenticated: true, scopes: null, policies: null },
    });
    expect(stripped).not.toMatch(/portee|regle|policy|authenticated|requiresScopes/);
    expect(stripped).toContain('join/v0.5');
  });
});

describe('readSecurityDirectives fails closed', () => {
  const withLink = (link: string) => supergraphSdl.replace('@link(url: "https://specs.apollo.dev/link/v1.0")', `@link(url: "https://specs.apollo.dev/link/v1.0")\n  ${link}`);

  it.each([
    ['a security feature it does not enforce', withLink('@link(url: "https://specs.apollo.dev/rateLimit/v0.1", for: SECURITY)'), 'https://specs.apollo.dev/rateLimit/v0.1 is linked for SECURITY'],
    ['an execution feature nobody implements', withLink('@link(url: "https://example.org/cache/v1.0", for: EXECUTION)'), 'https://example.org/cache/v1.0 is linked for EXECUTION'],
    [
      'a version of a known security feature it does not know',
      supergraphSdl.replace('requiresScopes/v0.1', 'requiresScopes/v0.2'),
      'https://specs.apollo.dev/requiresScopes/v0.2 is a version of requiresScopes',
    ],
    ['a purpose the link spec does not define', withLink('@link(url: "https://example.org/x/v1.0", for: AUDIT)'), 'for AUDIT'],
    ['an unknown policy', supergraphSdl.replace('"finalite-hors-controle"', '"finalite-quelconque"'), 'policy "finalite-quelconque" is not one the gateway knows'],
    [
      'an unknown role',
      supergraphSdl.replace('"role:referent"', '"role:administrateur"'),
      'scope "role:administrateur" is neither role:<role> of the security model nor partenaire:<code> of a partner the supergraph declares',
    ],
    ['a partner no subgraph declares', supergraphSdl.replace('"partenaire:caf"', '"partenaire:urssaf"'), 'scope "partenaire:urssaf"'],
    ['a scope of another shape', supergraphSdl.replace('"role:accueil"', '"accueil"'), 'scope "accueil"'],
    ['an empty alternative, which would let anyone in', supergraphSdl.replace('@requiresScopes(scopes: [["role:referent"]])', '@requiresScopes(scopes: [[]])'), 'must be a non-empty list'],
    ['a directive where it cannot be enforced', renamed.replace('b(n: Int)', 'b(n: Int @authenticated)'), '@authenticated on Query.b(n:) cannot be enforced there'],
    ['a supergraph without the link spec', renamed.replace('@link(url: "https://specs.apollo.dev/link/v1.0")', ''), 'has no @link(url: "https://specs.apollo.dev/link/v1.0")'],
  ])('refuses %s, naming it', (_case, sdl, message) => {
    expect(sdl).not.toBe(supergraphSdl);
    expect(() => readSecurityDirectives(sdl, partnerCodes)).toThrow(message);
  });
});

describe('readSecurityDirectives: partners are those the supergraph declares', () => {
  const withUrssaf = supergraphSdl.replace('"partenaire:caf"', '"partenaire:urssaf"');

  it('accepts partenaire:<code> for a partner the registry read from the supergraph holds (a new subgraph folder)', () => {
    const { requirements: read } = readSecurityDirectives(withUrssaf, new Set([...partnerCodes, 'urssaf']));
    expect([...read].filter(([, r]) => r.scopes?.some((alternative) => alternative.includes('partenaire:urssaf')))).toHaveLength(1);
  });

  it('refuses it for a partner no subgraph declares', () => {
    expect(() => readSecurityDirectives(withUrssaf, partnerCodes)).toThrow(
      'scope "partenaire:urssaf" is neither role:<role> of the security model nor partenaire:<code> of a partner the supergraph declares',
    );
  });
});
