import { buildSchema, executeSync, getIntrospectionQuery, Kind, parse, print, validate, visit } from 'graphql';
import type { AuthRequirement } from '../../src/authorization/AuthRequirement';
import { authorizeOperation } from '../../src/authorization/authorizeOperation';
import { apiSchema, profiles, requirements, type ProfileName } from './profiles';

/** Runs the authorization for a profile; checks that what is left is still a valid operation. */
function authorize(profile: ProfileName, source: string, operationName: string | null = null) {
  const { caller, finalite } = profiles[profile]!;
  const result = authorizeOperation({ document: parse(source), operationName, schema: apiSchema, requirements, caller, finalite });
  expect(validate(apiSchema, result.document)).toEqual([]);
  return { ...result, printed: print(result.document), denied: result.denials.map((d) => `${d.path.join('.')} ${d.coordinate} ${d.code}`) };
}

const dossier = `
  query Dossier($id: ID!) {
    usager(id: $id) {
      id
      identite { nomNaissance }
      caf { numeroAllocataire droits { montantMensuel } }
      cpam { c2s { statut } }
      presencePartenaires { caf cpam }
      rsa { etat }
      synthese { alertes { type } }
    }
  }`;

describe("authorizeOperation: one usager's file, for each caller", () => {
  it.each<[ProfileName, string[]]>([
    ['anonyme', ['usager Query.usager NON_AUTHENTIFIE']],
    [
      'accueil',
      [
        'usager.caf.numeroAllocataire DossierCaf.numeroAllocataire ACCES_REFUSE',
        'usager.caf.droits DossierCaf.droits ACCES_REFUSE',
        'usager.cpam.c2s CouvertureSante.c2s ACCES_REFUSE',
        'usager.rsa Usager.rsa ACCES_REFUSE',
        'usager.synthese Usager.synthese ACCES_REFUSE',
      ],
    ],
    ['referent', []],
    ['usager', []],
    [
      'agent caf (instruction)',
      [
        'usager.cpam Usager.cpam ACCES_REFUSE',
        'usager.presencePartenaires Usager.presencePartenaires ACCES_REFUSE',
        'usager.rsa Usager.rsa ACCES_REFUSE',
        'usager.synthese Usager.synthese ACCES_REFUSE',
      ],
    ],
    [
      'agent caf (controle)',
      [
        'usager.caf Usager.caf ACCES_REFUSE',
        'usager.cpam Usager.cpam ACCES_REFUSE',
        'usager.presencePartenaires Usager.presencePartenaires ACCES_REFUSE',
        'usager.rsa Usager.rsa ACCES_REFUSE',
        'usager.synthese Usager.synthese ACCES_REFUSE',
      ],
    ],
    [
      'agent cpam (instruction)',
      [
        'usager.caf Usager.caf ACCES_REFUSE',
        'usager.presencePartenaires Usager.presencePartenaires ACCES_REFUSE',
        'usager.rsa Usager.rsa ACCES_REFUSE',
        'usager.synthese Usager.synthese ACCES_REFUSE',
      ],
    ],
    // The CPAM's data is not data "exchanged to inform people of their rights" under CRPA L114-8 II: controle reaches it.
    [
      'agent cpam (controle)',
      [
        'usager.caf Usager.caf ACCES_REFUSE',
        'usager.presencePartenaires Usager.presencePartenaires ACCES_REFUSE',
        'usager.rsa Usager.rsa ACCES_REFUSE',
        'usager.synthese Usager.synthese ACCES_REFUSE',
      ],
    ],
    [
      'agent departement (accompagnement)',
      [
        'usager.caf Usager.caf ACCES_REFUSE',
        'usager.cpam Usager.cpam ACCES_REFUSE',
        'usager.presencePartenaires Usager.presencePartenaires ACCES_REFUSE',
        'usager.synthese Usager.synthese ACCES_REFUSE',
      ],
    ],
    ['analyste', ['usager Query.usager ACCES_REFUSE']],
    ['referent sans finalite', ['usager Query.usager ACCES_REFUSE']],
  ])('%s', (profile, expected) => {
    expect(authorize(profile, dossier).denied).toEqual(expected);
  });

  it('keeps what the reception agent may see, and a placeholder where nothing is left', () => {
    expect(authorize('accueil', dossier).printed).toBe(
      [
        'query Dossier($id: ID!) {',
        '  usager(id: $id) {',
        '    id',
        '    identite {',
        '      nomNaissance',
        '    }',
        '    caf {',
        '      _passerelleAutorisation: __typename',
        '    }',
        '    cpam {',
        '      _passerelleAutorisation: __typename',
        '    }',
        '    presencePartenaires {',
        '      caf',
        '      cpam',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it('leaves only __typename, and no unused variable, when the whole operation is denied', () => {
    expect(authorize('anonyme', dossier).printed).toBe('query Dossier {\n  _passerelleAutorisation: __typename\n}');
  });

  it('returns the document unchanged in substance when nothing is denied', () => {
    expect(authorize('referent', dossier).printed).toBe(print(parse(dossier)));
  });
});

const liste = `
  query Liste($ids: [ID!]!, $limite: Int) {
    premiers: usagers(ids: $ids) { ...Fiche }
    autres: usagers(ids: $ids) {
      id
      ... on Usager { droitsCaf: caf { droits { prestation } paiements: paiementsRecents(limite: $limite) { montant } } }
      ...Fiche
    }
  }
  fragment Fiche on Usager { id identite { prenoms } caf { ...Caf } }
  fragment Caf on DossierCaf { numeroAllocataire quotientFamilial }`;

describe('authorizeOperation: lists, aliases and fragments', () => {
  it('reports a named fragment at each of its uses, by response keys (aliases), through inline fragments', () => {
    expect(authorize('accueil', liste).denied).toEqual([
      'premiers.caf.numeroAllocataire DossierCaf.numeroAllocataire ACCES_REFUSE',
      'premiers.caf.quotientFamilial DossierCaf.quotientFamilial ACCES_REFUSE',
      'autres.droitsCaf.droits DossierCaf.droits ACCES_REFUSE',
      'autres.droitsCaf.paiements DossierCaf.paiementsRecents ACCES_REFUSE',
      'autres.caf.numeroAllocataire DossierCaf.numeroAllocataire ACCES_REFUSE',
      'autres.caf.quotientFamilial DossierCaf.quotientFamilial ACCES_REFUSE',
    ]);
  });

  it('inlines the named fragments, so that each use keeps what it may, and drops variables left unused', () => {
    const { printed } = authorize('agent cpam (instruction)', liste);
    expect(printed).not.toContain('fragment');
    expect(printed).not.toContain('$limite');
    expect(printed).not.toContain('caf');
    expect(printed).toContain('... on Usager {\n      id\n      identite {\n        prenoms\n      }\n    }');
  });

  it('lets the référent read it all, fragments kept as inline fragments', () => {
    const { denied, printed } = authorize('referent', liste);
    expect(denied).toEqual([]);
    expect(printed).toContain('paiements: paiementsRecents(limite: $limite)');
    expect(printed).toContain('query Liste($ids: [ID!]!, $limite: Int)');
  });

  it('checks the same fragment again under a parent that is denied elsewhere', () => {
    const source = `
      query($id: ID!) { usager(id: $id) { ...U } monPortefeuille(referentId: "ref-001") { edges { node { ...U } } } }
      fragment U on Usager { id rsa { etat } }`;
    expect(authorize('agent departement (accompagnement)', source).denied).toEqual(['monPortefeuille Query.monPortefeuille ACCES_REFUSE']);
    expect(authorize('accueil', source).denied).toEqual(['usager.rsa Usager.rsa ACCES_REFUSE', 'monPortefeuille Query.monPortefeuille ACCES_REFUSE']);
  });

  it('reports a field selected twice at the same path once', () => {
    const source = 'query($id: ID!) { usager(id: $id) { rsa { etat } ... on Usager { rsa { etat } } } }';
    expect(authorize('accueil', source).denied).toEqual(['usager.rsa Usager.rsa ACCES_REFUSE']);
  });

  it('picks the operation named, and only it', () => {
    const source = `${dossier} query Lieux { lieuxAccueil { nom } }`;
    const { denied, printed } = authorize('anonyme', source, 'Lieux');
    expect(denied).toEqual(['lieuxAccueil Query.lieuxAccueil NON_AUTHENTIFIE']);
    expect(printed).toBe('query Lieux {\n  _passerelleAutorisation: __typename\n}');
  });
});

describe('authorizeOperation: reception places and mutations', () => {
  const lieux = '{ lieuxAccueil(commune: "12202") { nom permanences { partenaire } } evenementsTiersLieu { titre lieu { nom } } __typename }';

  it.each<[ProfileName, string[]]>([
    ['anonyme', ['lieuxAccueil Query.lieuxAccueil NON_AUTHENTIFIE', 'evenementsTiersLieu Query.evenementsTiersLieu NON_AUTHENTIFIE']],
    ['analyste', []],
    ['referent sans finalite', []],
    ['agent caf (controle)', []],
  ])('the reception network is for any identified caller: %s', (profile, expected) => {
    expect(authorize(profile, lieux).denied).toEqual(expected);
  });

  const ecrire = `
    mutation Ecrire($u: ID!) {
      note: ajouterNote(usagerId: $u, texte: "RDV pris", audience: EQUIPE, auteur: "N. Cayla") { rejoue note { id } usager { caf { numeroAllocataire } } }
      orienterUsager(usagerId: $u, vers: { partenaire: CAF }, motif: ACCES_AUX_DROITS) { rejoue }
      enregistrerOpposition(usagerId: $u, partenaire: CAF, recueilliePar: "accueil Rodez") { rejoue }
    }`;

  it.each<[ProfileName, string[]]>([
    ['anonyme', ['note Mutation.ajouterNote NON_AUTHENTIFIE', 'orienterUsager Mutation.orienterUsager NON_AUTHENTIFIE', 'enregistrerOpposition Mutation.enregistrerOpposition NON_AUTHENTIFIE']],
    ['accueil', ['note Mutation.ajouterNote ACCES_REFUSE']],
    ['referent', []],
    ['agent departement (accompagnement)', ['note.usager.caf Usager.caf ACCES_REFUSE', 'orienterUsager Mutation.orienterUsager ACCES_REFUSE']],
    ['agent caf (instruction)', ['note Mutation.ajouterNote ACCES_REFUSE', 'orienterUsager Mutation.orienterUsager ACCES_REFUSE', 'enregistrerOpposition Mutation.enregistrerOpposition ACCES_REFUSE']],
    ['usager', ['note Mutation.ajouterNote ACCES_REFUSE', 'orienterUsager Mutation.orienterUsager ACCES_REFUSE']],
    ['analyste', ['note Mutation.ajouterNote ACCES_REFUSE', 'orienterUsager Mutation.orienterUsager ACCES_REFUSE', 'enregistrerOpposition Mutation.enregistrerOpposition ACCES_REFUSE']],
  ])('a denied mutation field is not run: %s', (profile, expected) => {
    expect(authorize(profile, ecrire).denied).toEqual(expected);
  });

  it('runs nothing of a mutation entirely denied', () => {
    expect(authorize('anonyme', ecrire).printed).toBe('mutation Ecrire {\n  _passerelleAutorisation: __typename\n}');
  });
});

describe('authorizeOperation: type requirements, interfaces and unions', () => {
  const schema = buildSchema(`
    type Query { personnes: [Personne!]! resultat: Resultat horodatage: Horodatage etat: Etat }
    interface Personne { nom: String! montant: Float }
    type Allocataire implements Personne { nom: String! montant: Float numero: String! }
    type Assure implements Personne { nom: String! montant: Float }
    union Resultat = Allocataire | Secret
    type Secret { code: String! }
    scalar Horodatage
    enum Etat { OUVERT CLOS }
  `);
  const referentOnly: AuthRequirement = { authenticated: false, scopes: [['role:referent']], policies: null };
  const typed = new Map<string, AuthRequirement>([
    ['Allocataire.montant', referentOnly],
    ['Secret', referentOnly],
    ['Horodatage', { authenticated: true, scopes: null, policies: null }],
    ['Etat', referentOnly],
  ]);
  const run = (profile: ProfileName, source: string) => {
    const { caller, finalite } = profiles[profile]!;
    const result = authorizeOperation({ document: parse(source), schema, requirements: typed, caller, finalite });
    expect(validate(schema, result.document)).toEqual([]);
    return result.denials.map((d) => `${d.path.join('.')} ${d.coordinate} ${d.code}`);
  };

  it('denies a field of an interface when one of its implementations requires more', () => {
    expect(run('accueil', '{ personnes { nom montant } }')).toEqual(['personnes.montant Allocataire.montant ACCES_REFUSE']);
    expect(run('referent', '{ personnes { nom montant } }')).toEqual([]);
  });

  it('denies a field returning a union one of whose members requires more, and a fragment on that member', () => {
    expect(run('accueil', '{ resultat { __typename } }')).toEqual(['resultat Secret ACCES_REFUSE']);
    expect(run('accueil', '{ personnes { ... on Allocataire { numero } } }')).toEqual([]);
  });

  it('denies a field returning an interface one of whose implementations requires more', () => {
    const secretSchema = buildSchema('type Query { p: P } interface P { id: ID } type S implements P { id: ID code: String } type T implements P { id: ID }');
    const result = authorizeOperation({
      document: parse('{ p { id ... on S { c: code } } }'),
      schema: secretSchema,
      requirements: new Map([['S', referentOnly]]),
      caller: profiles.accueil!.caller,
      finalite: profiles.accueil!.finalite,
    });
    expect(result.denials.map((d) => `${d.path.join('.')} ${d.coordinate}`)).toEqual(['p S']);
  });

  it('denies the fields of a fragment whose type condition is denied, each at its response key, and drops the fragment', () => {
    const marked = buildSchema('type Query { r: [R] } union R = A | B interface Marque { m: String } type A implements Marque { m: String n: Int } type B { x: String }');
    const result = authorizeOperation({
      document: parse('{ r { ... on Marque { m autre: m } ... on B { x } } }'),
      schema: marked,
      requirements: new Map([['Marque', referentOnly]]),
      caller: profiles.accueil!.caller,
      finalite: profiles.accueil!.finalite,
    });
    expect(result.denials.map((d) => `${d.path.join('.')} ${d.coordinate}`)).toEqual(['r.m Marque', 'r.autre Marque']);
    expect(print(result.document)).toBe('{\n  r {\n    ... on B {\n      x\n    }\n  }\n}');
  });

  it('applies a scalar or enum type requirement to every field returning it', () => {
    expect(run('anonyme', '{ horodatage etat }')).toEqual(['horodatage Horodatage NON_AUTHENTIFIE', 'etat Etat NON_AUTHENTIFIE']);
    expect(run('accueil', '{ horodatage etat }')).toEqual(['etat Etat ACCES_REFUSE']);
  });
});

describe('authorizeOperation: introspection', () => {
  const spreadsOf = (printed: string) => {
    const names: string[] = [];
    visit(parse(printed), { FragmentSpread: (node) => void names.push(node.name.value) });
    return names;
  };

  it.each<ProfileName>(['anonyme', 'referent'])('keeps the whole standard introspection query for %s, its fragments inlined', (profile) => {
    // The rewritten document keeps no fragment definition: a spread left under __schema would name nothing.
    const { printed, denied, document } = authorize(profile, getIntrospectionQuery(), 'IntrospectionQuery');
    expect(denied).toEqual([]);
    expect(document.definitions.map((d) => d.kind)).toEqual([Kind.OPERATION_DEFINITION]);
    expect(spreadsOf(printed)).toEqual([]);
    expect(executeSync({ schema: apiSchema, document })).toEqual(executeSync({ schema: apiSchema, document: parse(getIntrospectionQuery()) }));
  });

  it('inlines a fragment on an introspection type, and one spread in it, keeping their directives', () => {
    const { printed } = authorize('anonyme', '{ __schema { types { ...T @include(if: true) } } } fragment T on __Type { name fields { ...F } } fragment F on __Field { name }');
    expect(printed).toBe(
      [
        '{',
        '  __schema {',
        '    types {',
        '      ... on __Type @include(if: true) {',
        '        name',
        '        fields {',
        '          ... on __Field {',
        '            name',
        '          }',
        '        }',
        '      }',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it('still denies the data fields of an operation that also introspects', () => {
    const { printed, denied } = authorize('anonyme', '{ __type(name: "Usager") { ...T } usager(id: "u-1") { id } } fragment T on __Type { name }');
    expect(denied).toEqual(['usager Query.usager NON_AUTHENTIFIE']);
    expect(printed).toBe(['{', '  __type(name: "Usager") {', '    ... on __Type {', '      name', '    }', '  }', '}'].join('\n'));
  });
});
