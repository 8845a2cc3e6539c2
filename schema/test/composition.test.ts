import { readFileSync } from 'node:fs';
import { buildSchema, isObjectType, isInputObjectType, isInterfaceType } from 'graphql';
import { apiSchemaPath, composeSupergraph, findUndocumented, readSdl, subgraphEntries, supergraphPath } from '../src/index';

const result = composeSupergraph();

describe('composition', () => {
  it('composes every subgraph without error', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('matches the committed supergraph and API schema (run `npm run compose` if this fails)', () => {
    if (!result.ok) throw new Error('composition failed');
    expect(readFileSync(supergraphPath, 'utf8')).toBe(result.supergraphSdl);
    expect(readFileSync(apiSchemaPath, 'utf8')).toBe(result.apiSdl);
  });

  it('exposes no field or argument named nir, nor the pivot identity, to clients', () => {
    const api = buildSchema(readFileSync(apiSchemaPath, 'utf8'));
    const exposed = Object.values(api.getTypeMap())
      .filter((t) => isObjectType(t) || isInputObjectType(t) || isInterfaceType(t))
      .flatMap((t) => Object.keys((t as { getFields(): Record<string, unknown> }).getFields()).map((f) => `${t.name}.${f}`));
    expect(exposed.filter((c) => /\.nir$/i.test(c))).toEqual([]);
    expect(api.getType('IdentitePivot')).toBeUndefined();
    expect(exposed).toContain('Usager.id');
  });

  it.each(subgraphEntries().map((s) => [s.name, s] as const))('documents every type, field, argument and enum value of %s', (_name, entry) => {
    expect(findUndocumented(readSdl(entry))).toEqual([]);
  });
});

describe('findUndocumented', () => {
  it('reports the coordinates that lack a description', () => {
    const sdl = '"ok" type A { "ok" x: Int, y(z: Int): Int } enum E { "ok" V, W } type B { "ok" q: Int }';
    expect(findUndocumented(sdl)).toEqual(['A.y', 'A…z', 'E', 'E.W', 'B']);
  });
});
