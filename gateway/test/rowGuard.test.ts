import { createUsagerIdCodec, type Caller, type Finalite } from '@passerelle/subgraph-kit';
import { buildSchema, parse, print } from 'graphql';
import { readFileSync } from 'node:fs';
import type { AccessFacts } from '../src/rows/accessFacts';
import { createRowGuard } from '../src/rows/createRowGuard';
import { readPartnerRegistry } from '../src/partners/readPartnerRegistry';
import { RequestSecurity } from '../src/pipeline/RequestSecurity';
import { injectUsagerIds, usagerIdAlias } from '../src/rows/injectUsagerIds';

const schema = buildSchema(readFileSync(require.resolve('@passerelle/schema/api.graphql'), 'utf8'));
const codec = createUsagerIdCodec('row-guard-test-secret-0123456789');
const registry = readPartnerRegistry(readFileSync(require.resolve('@passerelle/schema/supergraph.graphql'), 'utf8'));
/** One request's security object, its purpose checked. */
function requestOf(caller: Caller, finalite: Finalite): RequestSecurity {
  const request = new RequestSecurity({ requestId: 'r-1', caller, codec });
  request.declarePurpose(finalite);
  return request;
}
const mine = '286041220200135';
const other = '184103155500112';
const facts = new Map<string, AccessFacts>([
  [mine, { referentId: 'ref-001', oppositions: ['caf'] }],
  [other, { referentId: 'ref-007', oppositions: [] }],
]);
let factCalls: string[][] = [];
const guard = createRowGuard({
  schema,
  registry,
  fetchFacts: (nirs) => {
    factCalls.push([...nirs]);
    return Promise.resolve(new Map(nirs.flatMap((n) => (facts.has(n) ? [[n, facts.get(n)!]] : []))));
  },
});
const referent: Caller = { subject: 'agent-1', kind: 'agent', roles: ['referent'], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null };
const cafAgent: Caller = { ...referent, roles: ['agent'], partenaire: 'caf', referentId: null, organisation: 'CAF12' };
const self: Caller = { subject: codec.encode(other), kind: 'usager', roles: ['usager'], organisation: 'usager', partenaire: null, referentId: null, usagerId: codec.encode(other) };

beforeEach(() => {
  factCalls = [];
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

describe('row guard after execution', () => {
  const run = async (query: string, data: Record<string, unknown>, caller: Caller, finalite: 'accompagnement' | 'instruction' | 'information') => {
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

  it('denies everything when the Département cannot tell (fail closed)', async () => {
    const failing = createRowGuard({ schema, registry, fetchFacts: () => Promise.reject(new Error('down')) });
    const document = injectUsagerIds(parse('query { usager(id: "x") { id } }'), schema);
    const data = { usager: { [usagerIdAlias]: codec.encode(mine), id: codec.encode(mine) } };
    const errors = await failing.after({ document, operationName: null, data, request: requestOf(referent, 'accompagnement') });
    expect(data).toEqual({ usager: null });
    expect(errors.map((e) => e.extensions.code)).toEqual(['ACCES_REFUSE']);
  });
});
