import { createUsagerIdCodec, type Caller, type Finalite } from '@passerelle/subgraph-kit';
import { buildSchema, parse, print } from 'graphql';
import { readFileSync } from 'node:fs';
import type { AccessFacts } from '../src/rows/accessFacts';
import { createRowGuard } from '../src/rows/createRowGuard';
import { readPartnerRegistry } from '../src/partners/readPartnerRegistry';
import { RequestSecurity } from '../src/pipeline/RequestSecurity';
import { factsSubgraphOf } from '../src/rows/factsSubgraphOf';
import { injectedUsagerAlias, injectUsagerIds, usagerIdAlias } from '../src/rows/injectUsagerIds';
import { teamReadableFields } from '../src/rows/teamReadableFields';
import { coordinateOwners } from '../src/audit/coordinateOwners';

const schema = buildSchema(readFileSync(require.resolve('@passerelle/schema/api.graphql'), 'utf8'));
const codec = createUsagerIdCodec('row-guard-test-secret-0123456789');
const supergraph = readFileSync(require.resolve('@passerelle/schema/supergraph.graphql'), 'utf8');
const registry = readPartnerRegistry(supergraph);
const factsSubgraph = factsSubgraphOf(coordinateOwners(supergraph));
const teamReadable = teamReadableFields(supergraph, registry, factsSubgraph);
/** One request's security object, its purpose checked. */
function requestOf(caller: Caller, finalite: Finalite): RequestSecurity {
  const request = new RequestSecurity({ requestId: 'r-1', caller, codec });
  request.declarePurpose(finalite);
  return request;
}
const mine = '286041220200135';
const other = '184103155500112';
const facts = new Map<string, AccessFacts>([
  [mine, { referentId: 'ref-001', oppositions: ['caf'], equipe: ['ref-012'] }],
  [other, { referentId: 'ref-007', oppositions: [], equipe: [] }],
]);
let factCalls: string[][] = [];
let factScopes: string[] = [];
const guard = createRowGuard({
  schema,
  registry,
  factsSubgraph,
  teamReadable,
  fetchFacts: (nirs, scope) => {
    factCalls.push([...nirs]);
    factScopes.push(scope);
    return Promise.resolve(new Map(nirs.flatMap((n) => (facts.has(n) ? [[n, facts.get(n)!]] : []))));
  },
});
const referent: Caller = { subject: 'agent-1', kind: 'agent', roles: ['referent'], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null };
/** A CCAS social worker in `mine`'s support team (not their référent). */
const teamMember: Caller = { ...referent, organisation: 'CCAS-RODEZ', referentId: 'ref-012' };
const cafAgent: Caller = { ...referent, roles: ['agent'], partenaire: 'caf', referentId: null, organisation: 'CAF12' };
const self: Caller = { subject: codec.encode(other), kind: 'usager', roles: ['usager'], organisation: 'usager', partenaire: null, referentId: null, usagerId: codec.encode(other) };

beforeEach(() => {
  factCalls = [];
  factScopes = [];
});

describe('row guard before execution', () => {
  it('removes a root field naming a usager outside the référent’s caseload, with ACCES_REFUSE at its path, in one facts call', async () => {
    const document = parse('query($a: ID!, $b: ID!) { a: usager(id: $a) { id } b: usager(id: $b) { id } }');
    const out = await guard.before({ document, operationName: null, variables: { a: codec.encode(mine), b: codec.encode(other) }, request: requestOf(referent, 'accompagnement') });
    expect(print(out.document)).toContain('a: usager');
    expect(print(out.document)).not.toContain('b: usager');
    expect(out.errors.map((e) => [e.path, e.extensions.code])).toEqual([[['b'], 'ACCES_REFUSE']]);
    expect(factCalls).toEqual([[mine, other]]);
  });

  it('replaces refused ids of usagers(ids:) so nothing is fetched for them, keeping positions', async () => {
    const document = parse('query($ids: [ID!]!) { usagers(ids: $ids) { id } }');
    const ids = [codec.encode(other), codec.encode(mine)];
    const out = await guard.before({ document, operationName: null, variables: { ids }, request: requestOf(referent, 'accompagnement') });
    const replaced = out.variables.ids as string[];
    expect(replaced[1]).toBe(ids[1]);
    expect(replaced[0]).not.toBe(ids[0]);
    expect(codec.decode(replaced[0]!)).not.toBe(other);
    expect(out.errors.map((e) => e.path)).toEqual([['usagers', 0]]);
  });

  it('lets a référent read only their own caseload, and a usager only themself', async () => {
    const caseload = (referentId: string) =>
      guard.before({ document: parse(`{ monPortefeuille(referentId: "${referentId}") { totalCount } }`), operationName: null, variables: {}, request: requestOf(referent, 'accompagnement') });
    expect((await caseload('ref-001')).errors).toEqual([]);
    expect((await caseload('ref-002')).errors.map((e) => e.extensions.code)).toEqual(['ACCES_REFUSE']);
    const asSelf = await guard.before({
      document: parse('query($a: ID!) { usager(id: $a) { id } }'),
      operationName: null,
      variables: { a: codec.encode(mine) },
      request: requestOf(self, 'information'),
    });
    expect(asSelf.errors.map((e) => e.path)).toEqual([['usager']]);
  });

  it('refuses a mutation on a usager outside the caseload', async () => {
    const out = await guard.before({
      document: parse('mutation($u: ID!) { ajouterNote(usagerId: $u, texte: "x", audience: EQUIPE, auteur: "x") { rejoue } }'),
      operationName: null,
      variables: { u: codec.encode(other) },
      request: requestOf(referent, 'accompagnement'),
    });
    expect(print(out.document)).not.toContain('ajouterNote');
    expect(out.errors.map((e) => e.path)).toEqual([['ajouterNote']]);
  });
});

describe('the identity lookup, while the access facts are fetched', () => {
  const owners = coordinateOwners(supergraph);
  /** A guard whose facts arrive only when `release` is called. */
  const slowGuard = () => {
    let release: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    const slow = createRowGuard({
      schema,
      registry,
      factsSubgraph,
      teamReadable,
      owners,
      fetchFacts: async (nirs) => {
        await arrived;
        return new Map(nirs.flatMap((n) => (facts.has(n) ? [[n, facts.get(n)!]] : [])));
      },
    });
    return { slow, release };
  };

  it('runs a query naming usagers only through usager/usagers (the identity register answers them) before the facts arrive, and refuses after, at the same path', async () => {
    const { slow, release } = slowGuard();
    const request = requestOf(referent, 'accompagnement');
    const document = parse('query($ids: [ID!]!) { usagers(ids: $ids) { id } }');
    const guarded = await slow.before({ document, operationName: null, variables: { ids: [codec.encode(mine), codec.encode(other)] }, request });
    expect(guarded.deferred).toEqual([
      { path: ['usagers', 0], nir: mine },
      { path: ['usagers', 1], nir: other },
    ]);
    release();
    const data = {
      usagers: [
        { [usagerIdAlias]: codec.encode(mine), id: codec.encode(mine) },
        { [usagerIdAlias]: codec.encode(other), id: codec.encode(other) },
      ],
    };
    const errors = await slow.after({ document: injectUsagerIds(document, schema), operationName: null, data, request, deferred: guarded.deferred });
    expect(data).toEqual({ usagers: [{ id: codec.encode(mine) }, null] });
    expect(errors.map((e) => [e.path, e.extensions.code])).toEqual([[['usagers', 1], 'ACCES_REFUSE']]);
  });

  it('asks the Département nothing when no decision can read the facts: a reception agent reading only the agency’s own fields', async () => {
    const guarded = createRowGuard({ schema, registry, factsSubgraph, teamReadable, owners, fetchFacts: (nirs) => (factCalls.push([...nirs]), Promise.resolve(new Map())) });
    const ask = async (text: string, caller: Caller, finalite: Finalite) =>
      guarded.before({ document: parse(text), operationName: null, variables: { ids: [codec.encode(mine)] }, request: requestOf(caller, finalite) });
    const accueil: Caller = { ...referent, roles: ['accueil'], referentId: null };
    await ask('query($ids: [ID!]!) { usagers(ids: $ids) { id identite { nomNaissance } orientations { statut } } }', accueil, 'premier-accueil');
    expect(factCalls).toEqual([]);
    // A partner's data, something computed from it, the Département's file, or a référent's decision: asked.
    await ask('query($ids: [ID!]!) { usagers(ids: $ids) { id caf { connu } } }', accueil, 'premier-accueil');
    await ask('query($ids: [ID!]!) { usagers(ids: $ids) { presencePartenaires { caf } } }', accueil, 'premier-accueil');
    await ask('query($ids: [ID!]!) { usagers(ids: $ids) { ...F } } fragment F on Usager { rsa { etat } }', accueil, 'premier-accueil');
    await ask('query($ids: [ID!]!) { usagers(ids: $ids) { id identite { nomNaissance } } }', referent, 'accompagnement');
    expect(factCalls).toEqual([[mine], [mine], [mine], [mine]]);
  });

  it('still waits for them before a mutation, or a root field answered by a partner', async () => {
    const { slow, release } = slowGuard();
    const waits = (text: string, variables: Record<string, unknown>) => {
      let done = false;
      const run = slow.before({ document: parse(text), operationName: null, variables, request: requestOf(referent, 'accompagnement') }).then(() => (done = true));
      return { run, done: () => done };
    };
    const mutation = waits('mutation($u: ID!) { enregistrerOpposition(usagerId: $u, partenaire: CAF, recueilliePar: "x") { rejoue } }', { u: codec.encode(mine) });
    const parNir = waits('query { usagerParNir(nir: "286041220200135") { id } }', {});
    await new Promise((resolve) => setImmediate(resolve));
    expect([mutation.done(), parNir.done()]).toEqual([false, false]);
    release();
    await Promise.all([mutation.run, parNir.run]);
  });
});

describe('row guard after execution', () => {
  const run = async (query: string, data: Record<string, unknown>, caller: Caller, finalite: Finalite) => {
    const document = injectUsagerIds(parse(query), schema);
    const errors = await guard.after({ document, operationName: null, data, request: requestOf(caller, finalite) });
    return { data, errors: errors.map((e) => ({ path: e.path, ...e.extensions })) };
  };

  it('drops search candidates the référent may not see, silently, and removes the injected ids', async () => {
    const data = {
      rechercherUsagers: [
        { score: 1, usager: { [usagerIdAlias]: codec.encode(other), id: codec.encode(other) } },
        { score: 0.9, usager: { [usagerIdAlias]: codec.encode(mine), id: codec.encode(mine) } },
      ],
    };
    const out = await run('{ rechercherUsagers(identite: { nomNaissance: "x", prenoms: ["y"], dateNaissance: "1990-01-01" }) { score usager { id } } }', data, referent, 'accompagnement');
    expect(out).toEqual({ data: { rechercherUsagers: [{ score: 0.9, usager: { id: codec.encode(mine) } }] }, errors: [] });
  });

  it('hides the data of a partner the usager objected to, and the summary, from a référent', async () => {
    const data = { usager: { [usagerIdAlias]: codec.encode(mine), dossierCaf: { quotientFamilial: 569 }, cpam: { medecinTraitantDeclare: true }, synthese: { alertes: [] } } };
    const out = await run('query { usager(id: "x") { dossierCaf: caf { quotientFamilial } cpam { medecinTraitantDeclare } synthese { alertes { type } } } }', data, referent, 'accompagnement');
    expect(out.data).toEqual({ usager: { dossierCaf: null, cpam: { medecinTraitantDeclare: true }, synthese: null } });
    expect(out.errors).toEqual([
      { path: ['usager', 'dossierCaf'], code: 'OPPOSITION_PARTAGE', partenaire: 'caf' },
      { path: ['usager', 'synthese'], code: 'OPPOSITION_PARTAGE' },
    ]);
  });

  it('does not hide it from that partner’s own agents', async () => {
    const data = { usager: { [usagerIdAlias]: codec.encode(mine), caf: { quotientFamilial: 569 } } };
    const out = await run('query { usager(id: "x") { caf { quotientFamilial } } }', data, cafAgent, 'instruction');
    expect(out).toEqual({ data: { usager: { caf: { quotientFamilial: 569 } } }, errors: [] });
  });

  it('asks the Département for the référent and the team only for a référent’s decisions; a reception agent’s list gets the objections, which still hide the partner', async () => {
    const accueil: Caller = { ...referent, roles: ['accueil'], referentId: null };
    const data = { usager: { [usagerIdAlias]: codec.encode(mine), caf: { connu: true } } };
    const out = await run('query { usager(id: "x") { caf { connu } } }', data, accueil, 'premier-accueil');
    expect(out).toEqual({ data: { usager: { caf: null } }, errors: [{ path: ['usager', 'caf'], code: 'OPPOSITION_PARTAGE', partenaire: 'caf' }] });
    await run('query { usager(id: "x") { cpam { medecinTraitantDeclare } } }', { usager: { [usagerIdAlias]: codec.encode(mine), cpam: null } }, cafAgent, 'instruction');
    await run('query { usager(id: "x") { id } }', { usager: { [usagerIdAlias]: codec.encode(mine), id: codec.encode(mine) } }, referent, 'accompagnement');
    expect(factScopes).toEqual(['oppositions', 'oppositions', 'complete']);
  });

  it('asks the Département nothing for a partner’s agent reading that partner’s own data, which no objection hides from them', async () => {
    const own = await run('query { usager(id: "x") { caf { quotientFamilial } } }', { usager: { [usagerIdAlias]: codec.encode(mine), caf: { quotientFamilial: 569 } } }, cafAgent, 'instruction');
    expect(own).toEqual({ data: { usager: { caf: { quotientFamilial: 569 } } }, errors: [] });
    expect(await guard.withheld('caf', [mine], requestOf(cafAgent, 'instruction'))).toEqual([false]);
    expect(factCalls).toEqual([]);
    // Another partner's data, or the summary (which any objection that applies to the caller
    // withholds), needs the objections: asked, though the one to CAF does not apply to CAF's agent.
    expect(await guard.withheld('cpam', [mine], requestOf(cafAgent, 'instruction'))).toEqual([false]);
    const summary = await run('query { usager(id: "x") { synthese { alertes { type } } } }', { usager: { [usagerIdAlias]: codec.encode(mine), synthese: { alertes: [] } } }, cafAgent, 'instruction');
    expect(summary).toEqual({ data: { usager: { synthese: { alertes: [] } } }, errors: [] });
    expect(factCalls).toEqual([[mine], [mine]]);
  });

  it('asks the Département nothing for an answer no decision needs it for: a reception agent’s identity search; a référent’s still does', async () => {
    const accueil: Caller = { ...referent, roles: ['accueil'], referentId: null };
    const search = '{ rechercherUsagers(identite: { nomNaissance: "x", prenoms: ["y"], dateNaissance: "1990-01-01" }) { score usager { id identite { nomNaissance } } } }';
    const candidates = () => ({ rechercherUsagers: [{ score: 1, usager: { [usagerIdAlias]: codec.encode(mine), id: codec.encode(mine), identite: { nomNaissance: 'X' } } }] });
    const out = await run(search, candidates(), accueil, 'premier-accueil');
    expect(out).toEqual({ data: { rechercherUsagers: [{ score: 1, usager: { id: codec.encode(mine), identite: { nomNaissance: 'X' } } }] }, errors: [] });
    expect(factCalls).toEqual([]);
    // The same agent's answer holding a partner's data, or the summary, waits for the objections.
    await run('query { usager(id: "x") { synthese { alertes { type } } } }', { usager: { [usagerIdAlias]: codec.encode(mine), synthese: { alertes: [] } } }, accueil, 'premier-accueil');
    expect(factCalls).toEqual([[mine]]);
    await run(search, candidates(), referent, 'accompagnement');
    expect(factCalls).toEqual([[mine], [mine]]);
  });

  it('denies everything when the Département cannot tell (fail closed)', async () => {
    const failing = createRowGuard({ schema, registry, factsSubgraph, teamReadable, fetchFacts: () => Promise.reject(new Error('down')) });
    const document = injectUsagerIds(parse('query { usager(id: "x") { id } }'), schema);
    const data = { usager: { [usagerIdAlias]: codec.encode(mine), id: codec.encode(mine) } };
    const errors = await failing.after({ document, operationName: null, data, request: requestOf(referent, 'accompagnement') });
    expect(data).toEqual({ usager: null });
    expect(errors.map((e) => e.extensions.code)).toEqual(['ACCES_REFUSE']);
  });
});

describe('the support team', () => {
  const after = async (query: string, data: Record<string, unknown>, caller: Caller) => {
    const document = injectUsagerIds(parse(query), schema);
    const errors = await guard.after({ document, operationName: null, data, request: requestOf(caller, 'accompagnement') });
    return { data, errors: errors.map((e) => ({ path: e.path, message: e.message, ...e.extensions })) };
  };

  it('reads from the supergraph which Usager fields a team member reads: the shared file and the agency’s own records, not partners’ data nor what is computed from it', () => {
    expect(factsSubgraph).toBe('departement');
    for (const field of ['id', 'identite', 'referentDeParcours', 'dossierPartage', 'oppositions', 'orientations', 'inscriptionsTiersLieu']) expect(teamReadable.has(field)).toBe(true);
    for (const field of ['caf', 'cpam', 'msa', 'franceTravail', 'logementSocial', 'hebergement', 'formationProfessionnelle', 'chambresConsulaires', 'synthese', 'presencePartenaires'])
      expect(teamReadable.has(field)).toBe(false);
  });

  it('lets a professional of the team see the usager, and refuses someone who is not in it', async () => {
    const document = parse('query($a: ID!, $b: ID!) { a: usager(id: $a) { id } b: usager(id: $b) { id } }');
    const out = await guard.before({ document, operationName: null, variables: { a: codec.encode(mine), b: codec.encode(other) }, request: requestOf(teamMember, 'accompagnement') });
    expect(out.errors.map((e) => [e.path, e.extensions.code])).toEqual([[['b'], 'ACCES_REFUSE']]);
  });

  it('gives a team member the shared file and withholds partners’ data and the summary, each with ACCES_REFUSE at its path', async () => {
    const data = {
      usager: { [usagerIdAlias]: codec.encode(mine), id: codec.encode(mine), dossierPartage: { notes: [] }, cpam: { medecinTraitantDeclare: true }, synthese: { alertes: [] } },
    };
    const out = await after('query { usager(id: "x") { id dossierPartage { notes { texte } } cpam { medecinTraitantDeclare } synthese { alertes { type } } } }', data, teamMember);
    expect(out.data).toEqual({ usager: { id: codec.encode(mine), dossierPartage: { notes: [] }, cpam: null, synthese: null } });
    const message = 'A member of the support team reads the shared file; partners’ data is for the usager’s active référent.';
    expect(out.errors).toEqual([
      { path: ['usager', 'cpam'], message, code: 'ACCES_REFUSE' },
      { path: ['usager', 'synthese'], message, code: 'ACCES_REFUSE' },
    ]);
  });

  it('asks no partner’s subgraph about the usager for a team member, but the shared file’s and the agency’s own', async () => {
    const ask = async (subgraph: string, caller: Caller) => (await guard.withheld(subgraph, [mine], requestOf(caller, 'accompagnement')))[0];
    expect(await ask('cpam', teamMember)).toBe(true);
    expect(await ask('bailleurs', teamMember)).toBe(true);
    expect(await ask('departement', teamMember)).toBe(false);
    expect(await ask('identite', teamMember)).toBe(false);
    expect(await ask('accueil', teamMember)).toBe(false);
    expect(await ask('cpam', referent)).toBe(false);
  });

  it('keeps from a partner the usager who objected to it, but asks the Département nothing before a reception agent’s fetch to the identity register', async () => {
    const accueil: Caller = { ...referent, roles: ['accueil'], referentId: null };
    const ask = async (subgraph: string) => (await guard.withheld(subgraph, [mine, other], requestOf(accueil, 'premier-accueil'))).map(String).join(',');
    expect(await ask('identite')).toBe('false,false');
    expect(await ask('accueil')).toBe('false,false');
    expect(factCalls).toEqual([]);
    expect(await ask('caf')).toBe('true,false');
    expect(factCalls).toEqual([[mine, other]]);
  });
});

describe('the usager an object names', () => {
  it('is added to the selection of an object with a usager field, read for row authorization and the audit, then removed', async () => {
    const document = injectUsagerIds(parse('{ orientationsRecues { edges { node { orientation { statut } } } } }'), schema);
    expect(print(document)).toContain(`${injectedUsagerAlias}: usager {\n`);
    const data = { orientationsRecues: { edges: [{ node: { orientation: { statut: 'PROPOSEE' }, [injectedUsagerAlias]: { [usagerIdAlias]: codec.encode(other) } } }] } };
    const request = requestOf(cafAgent, 'instruction');
    const errors = await guard.after({ document, operationName: null, data, request });
    expect(errors).toEqual([]);
    expect(data).toEqual({ orientationsRecues: { edges: [{ node: { orientation: { statut: 'PROPOSEE' } } }] } });
    expect([...request.reached]).toEqual([codec.encode(other)]);
  });

  it('nulls the object, not an alias the client never asked for, when the caller may not see its usager', async () => {
    const document = injectUsagerIds(parse('{ orientationsRecues { edges { node { orientation { statut } } } } }'), schema);
    const data = { orientationsRecues: { edges: [{ node: { orientation: { statut: 'PROPOSEE' }, [injectedUsagerAlias]: { [usagerIdAlias]: codec.encode(other) } } }] } };
    const errors = await guard.after({ document, operationName: null, data, request: requestOf(referent, 'accompagnement') });
    expect(errors.map((e) => [e.path, e.extensions.code])).toEqual([[['orientationsRecues', 'edges', 0, 'node'], 'ACCES_REFUSE']]);
    expect(data).toEqual({ orientationsRecues: { edges: [{ node: null }] } });
  });
});
