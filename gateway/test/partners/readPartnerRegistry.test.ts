import { readFileSync } from 'node:fs';
import { readPartnerRegistry } from '../../src/partners/readPartnerRegistry';
import { composeSupergraph, link } from '../support/testSubgraphs';

const committed = readFileSync(require.resolve('@passerelle/schema/supergraph.graphql'), 'utf8');

describe('readPartnerRegistry on the committed supergraph', () => {
  const registry = readPartnerRegistry(committed);

  it('knows every partner, its name and whether a usager may object to it', () => {
    const founding = [
      ['accueil', false],
      ['bailleurs', true],
      ['caf', true],
      ['carsat', true],
      ['cpam', true],
      ['croisements', false],
      ['departement', true],
      ['france-travail', true],
      ['identite', false],
      ['journal', false],
      ['msa', true],
      ['siao', true],
    ];
    const known = [...registry.partners.values()].map((p) => [p.code, p.opposable]).sort();
    // A partner published since by its own folder (npm run subgraph:new) adds its own line, opposable: the founding ones are always there.
    expect(known.filter(([code]) => founding.some(([f]) => f === code))).toEqual(founding);
    expect(known.filter(([code]) => !founding.some(([f]) => f === code)).every(([, opposable]) => opposable === true)).toBe(true);
    expect(registry.partners.get('caf')?.libelle).toBe("Caisse d'allocations familiales de l'Aveyron");
  });

  it('maps each subgraph to the partner it speaks for, the SIAO’s included', () => {
    expect(registry.partnerOfSubgraph('etat')?.code).toBe('siao');
    expect(registry.partnerOfSubgraph('bailleurs')?.code).toBe('bailleurs');
    expect(registry.partnerOfSubgraph('identite')).toBeNull();
    expect(registry.partnerOfSubgraph('nowhere')).toBeNull();
  });

  it('maps Usager fields to the partner whose data they carry', () => {
    expect(registry.partners.get('departement')?.usagerFields).toEqual([
      'rsa',
      'referentDeParcours',
      'historiqueReferents',
      'parcours',
      'parcoursEnCours',
      'equipe',
      'historiqueEquipe',
      'dossierPartage',
    ]);
    expect(registry.partnerOfUsagerField('hebergement')?.code).toBe('siao');
    expect(registry.partnerOfUsagerField('synthese')).toBeNull();
  });
});

describe('readPartnerRegistry fails closed', () => {
  it('reads two subgraphs declaring the same partner word for word as one partner answered by both (composition merges identical declarations; schema:check refuses it per subgraph)', () => {
    const registry = readPartnerRegistry(supergraphOf(`${link('cpam')}\n${usager('cpam', 'caf')}`));
    expect(registry.partners.get('cpam')?.subgraphs).toEqual(['caf', 'cpam']);
  });

  const usager = (code: string, field: string) => `type Usager @key(fields: "id") { id: ID! ${field}: String @partenaire(code: "${code}") }`;
  const supergraphOf = (caf: string, cpam = `${link('cpam')}\n${usager('cpam', 'cpam')}`) =>
    composeSupergraph({ identite: `${link('identite', false)}\n type Query { usager(id: ID!): Usager } type Usager @key(fields: "id") { id: ID! nom: String! }`, caf, cpam });

  it.each([
    [
      'a supergraph without the partner spec',
      committed.replace(/@link\(url: "https:\/\/passerelle\.aveyron\.fr\/partenaire\/v0\.1"[^)]*\)/, ''),
      'does not link https://passerelle.aveyron.fr/partenaire',
    ],
    ['a version of the spec it does not know', committed.replace('partenaire/v0.1', 'partenaire/v0.2'), 'is a version of the partner spec this gateway does not know'],
    ['a malformed code', supergraphOf(`${link('CAF 12')}\n${usager('CAF 12', 'caf')}`), 'code must match'],
    ['a code declared twice, differently', supergraphOf(`${link('cpam').replace('Test partner cpam', 'Another label')}\n${usager('cpam', 'caf')}`), 'partner "cpam" is declared by two subgraphs'],
    ['a field naming an undeclared partner', supergraphOf(`${link('caf')}\n${usager('msa', 'caf')}`), 'Usager.caf names partner "msa", which no subgraph declares'],
    ['a subgraph marking fields for two partners', supergraphOf(`${link('caf')}\n${usager('caf', 'caf').replace('}', 'autre: String @partenaire(code: "cpam") }')}`), 'marks fields for two partners'],
    ['a mark outside Usager', supergraphOf(`${link('caf')}\n${usager('caf', 'caf')} type Query { x: String @partenaire(code: "caf") }`), 'Query.x carries @partenaire, which only marks Usager fields'],
  ])('refuses %s, naming it', (_case, sdl, message) => {
    expect(() => readPartnerRegistry(sdl)).toThrow(message);
  });
});
