import { buildSchema, parse } from 'graphql';
import { walkResult, type VisitedObject } from '../src/rows/walkResult';

const schema = buildSchema(`
  type Query { usagers: [Usager!]! orientation: Orientation noeuds: [Noeud!]! }
  type Usager { id: ID! caf: Caf notes: [Note!]! }
  type Caf { paiements: [Paiement!]! }
  type Paiement { montant: Int }
  type Note { texte: String }
  type Orientation { statut: String usager: Usager }
  interface Noeud { id: ID! }
  type AvecUsager implements Noeud { id: ID! usager: Usager }
  type SansUsager implements Noeud { id: ID! caf: Caf }
`);

/** An object whose every key read throws: the walk must not go there. */
const untouchable = () =>
  new Proxy(
    {},
    {
      get: (_target, key) => {
        throw new Error(`read ${String(key)}`);
      },
    },
  );

function walk(query: string, data: Record<string, unknown>, wanted: string[]): VisitedObject[] {
  const visited: VisitedObject[] = [];
  walkResult(schema, parse(query), undefined, data, new Set(wanted), (v) => visited.push(v));
  return visited;
}

describe('walkResult', () => {
  it('visits the objects of the wanted types only, with their path, their fields (aliases resolved, fragments followed) and what holds them', () => {
    const data = {
      liste: [
        { ident: 'u1', caf: { paiements: [{ montant: 1 }] }, notes: [] },
        { ident: 'u2', caf: null, notes: [{ texte: 'x' }] },
      ],
      orientation: { statut: 'ok', usager: { ident: 'u3' } },
    };
    const visited = walk('{ liste: usagers { ident: id ...F } orientation { statut usager { ident: id } } } fragment F on Usager { caf { paiements { montant } } notes { texte } }', data, [
      'Usager',
      'Orientation',
    ]);
    expect(visited.map((v) => [v.typeName, v.path, v.object.ident ?? v.object.statut])).toEqual([
      ['Usager', ['liste', 0], 'u1'],
      ['Usager', ['liste', 1], 'u2'],
      ['Orientation', ['orientation'], 'ok'],
      ['Usager', ['orientation', 'usager'], 'u3'],
    ]);
    expect([...visited[0]!.fields]).toEqual([
      ['ident', 'id'],
      ['caf', 'caf'],
      ['notes', 'notes'],
    ]);
    // The list's holder is the root object, under the list's key; the nested usager's, the orientation.
    expect(visited[1]!.holder).toEqual({ object: data, key: 'liste' });
    expect(visited[3]!.holder?.object).toBe(data.orientation);
    // Each path is a copy: the walk's own stack moved on since.
    expect(visited[0]!.path).not.toBe(visited[1]!.path);
  });

  it('does not walk where the selections can hold no object of a wanted type, and still finds one behind an interface', () => {
    const data = {
      usagers: [{ id: 'u1', caf: untouchable(), notes: [untouchable()] }],
      noeuds: [
        { __typename: 'SansUsager', id: 'n1', caf: untouchable() },
        { __typename: 'AvecUsager', id: 'n2', usager: { id: 'u2', caf: untouchable() } },
      ],
    };
    const visited = walk(
      '{ usagers { id caf { paiements { montant } } notes { texte } } noeuds { __typename id ... on SansUsager { caf { paiements { montant } } } ... on AvecUsager { usager { id caf { paiements { montant } } } } } }',
      data,
      ['Usager'],
    );
    expect(visited.map((v) => [v.path, v.object.id])).toEqual([
      [['usagers', 0], 'u1'],
      [['noeuds', 1, 'usager'], 'u2'],
    ]);
  });

  it('visits nothing for an answer without data or an operation not in the document', () => {
    expect(walk('{ usagers { id } }', {}, ['Usager'])).toEqual([]);
    const visited: VisitedObject[] = [];
    walkResult(schema, parse('query A { usagers { id } }'), 'B', { usagers: [{ id: 'u1' }] }, new Set(['Usager']), (v) => visited.push(v));
    walkResult(schema, parse('query A { usagers { id } }'), 'A', null, new Set(['Usager']), (v) => visited.push(v));
    expect(visited).toEqual([]);
  });
});
