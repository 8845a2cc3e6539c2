import { expect } from '@jest/globals';
import { statistiquesTypeDefsPath } from '@passerelle/subgraph-kit';
import { discoverSubgraphs } from '@passerelle/subgraph-kit/discovery';
import { buildSchema, getNamedType, isObjectType, parse, print, type DefinitionNode, type GraphQLNamedType } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../src/docs/documentedOperations';

// The statistics types every partner copies from the kit (docs/statistics.md): composition merges
// the copies, so a copy that drifts would change the shared shape for everyone.
const named = (d: DefinitionNode) => ('name' in d && d.name !== undefined ? d.name.value : '');
const kit = parse(readFileSync(statistiquesTypeDefsPath, 'utf8')).definitions;
const shared = kit.filter((d) => !['Query', 'Statistiques'].includes(named(d)));
const fieldOf = (defs: readonly DefinitionNode[], type: string, field: string) => {
  const def = defs.find((d) => named(d) === type);
  const found = def !== undefined && 'fields' in def ? def.fields?.find((f) => f.name.value === field) : undefined;
  return found === undefined ? 'missing' : print(found);
};

// Every subgraph contributing to Statistiques, partners published since included.
const partners = discoverSubgraphs().filter((s) => /\btype Statistiques\b/.test(readFileSync(s.sdlPath, 'utf8')));

describe('the shared statistics types', () => {
  it('are published by at least the four first partners and the agency\u2019s own systems', () => {
    expect(partners.map((s) => s.name)).toEqual(expect.arrayContaining(['accueil', 'bailleurs', 'caf', 'departement', 'etat', 'france-travail']));
  });

  it.each(partners.map((s) => s.name))('are copied verbatim from the kit by %s', (name) => {
    const defs = parse(readFileSync(partners.find((s) => s.name === name)!.sdlPath, 'utf8')).definitions;
    for (const def of shared) expect(defs.filter((d) => named(d) === named(def)).map(print)).toEqual([print(def)]);
    expect(fieldOf(defs, 'Query', 'statistiques')).toBe(fieldOf(kit, 'Query', 'statistiques'));
    expect(fieldOf(defs, 'Statistiques', 'mois')).toBe(fieldOf(kit, 'Statistiques', 'mois'));
  });
});

describe('the analysts\u2019 aggregates', () => {
  it('lead to no person: no type reachable from Statistiques is Usager or holds a person', () => {
    const schema = buildSchema(readFileSync(path.join(repositoryRoot, 'schema/api.graphql'), 'utf8'));
    const seen = new Set<string>();
    const walk = (type: GraphQLNamedType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      if (isObjectType(type)) for (const field of Object.values(type.getFields())) walk(getNamedType(field.type));
    };
    walk(schema.getType('Statistiques')!);
    expect([...seen].filter((t) => /Usager|Identite|Dossier|Referent|Portefeuille/.test(t))).toEqual([]);
    expect(seen.has('TableauStatistique')).toBe(true);
  });
});
