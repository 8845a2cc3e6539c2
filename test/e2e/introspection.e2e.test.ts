import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  introspectionFromSchema,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
  type IntrospectionOptions,
  type IntrospectionQuery,
} from 'graphql';
import type { PersonaKey } from '@passerelle/mocks';
import { asReferent, query, startTestFederation, testCodec, type TestCaller } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

/**
 * Introspection in dev mode, as GraphiQL, GraphQL Code Generator and IDE plugins send it: the
 * whole API schema (schema/api.graphql), with or without a token, and still the security layers
 * for the data fields of an operation that also introspects.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-introspection-'));
const journalPath = path.join(dir, 'journal.jsonl');
const logLines: string[] = [];
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation({ AUDIT_JOURNAL_PATH: journalPath }, (line) => logLines.push(line));
});
afterAll(async () => {
  await federation.stop();
  rmSync(dir, { recursive: true, force: true });
});

const api = buildSchema(readFileSync(require.resolve('@passerelle/schema/api.graphql'), 'utf8'));
const idOf = (key: PersonaKey) => testCodec.encode(federation.population.persona(key).nir);

/** What graphql-js answers for this introspection query on the API schema (getIntrospectionQuery's defaults, then the options). */
const expectedFor = (options: IntrospectionOptions) =>
  introspectionFromSchema(api, {
    descriptions: true,
    specifiedByUrl: false,
    directiveIsRepeatable: false,
    schemaDescription: false,
    inputValueDeprecation: false,
    experimentalDirectiveDeprecation: false,
    oneOf: false,
    ...options,
  });

/** The same value with every list and every object's keys in one order: introspection promises no order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

/** Names of the fields of every type of a schema that has fields. */
function fieldNames(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap()).flatMap((type) => (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type) ? Object.keys(type.getFields()) : []));
}

const journalRecords = () =>
  readFileSync(journalPath, { encoding: 'utf8', flag: 'a+' })
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; record?: { operationName: string | null; lectures: Record<string, string[]>; usagers: string[] } })
    .filter((line) => line.type === 'acces')
    .map((line) => line.record!);

const callers: Array<[string, TestCaller | null]> = [
  ['without a token', null],
  ["with a référent's token", asReferent('ref-001')],
];
const queries: Array<[string, IntrospectionOptions]> = [
  ['getIntrospectionQuery() (GraphiQL, IDE plugins)', {}],
  [
    'the codegen query (descriptions, repeatable directives, schema description, deprecated input values)',
    { descriptions: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true },
  ],
];

describe.each(callers)('introspection in dev mode, %s', (_who, caller) => {
  it.each(queries)('%s answers the whole API schema', async (_name, options) => {
    const answer = await query<IntrospectionQuery>(federation, getIntrospectionQuery(options), {}, caller);
    expect(answer.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(canonical(answer.data)).toEqual(canonical(expectedFor(options)));

    const schema = buildClientSchema(answer.data!);
    const usager = schema.getType('Usager');
    if (!isObjectType(usager)) throw new Error('the introspected schema has no object type Usager');
    expect(usager.description).toBe(api.getType('Usager')!.description);
    expect(Object.keys(usager.getFields())).toEqual(expect.arrayContaining(['id', 'identite', 'caf', 'cpam', 'logementSocial', 'synthese']));
    for (const field of Object.values(usager.getFields())) expect([field.name, field.description]).toEqual([field.name, expect.stringMatching(/\S/)]);
    // The NIR joins partners, it never shows: no type has a field named nir.
    expect(fieldNames(schema)).not.toContain('nir');
  });

  it('a fragment on __Type lists every type of the API schema', async () => {
    const answer = await query<{ __schema: { types: Array<{ name: string }> } }>(federation, '{ __schema { types { ...T } } } fragment T on __Type { name }', {}, caller);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.__schema.types.map((t) => t.name).sort()).toEqual(Object.keys(api.getTypeMap()).sort());
  });
});

describe('introspection next to data fields: the data fields still go through the security layers', () => {
  const mixed = 'query Mixte($id: ID!) { __type(name: "Usager") { ...T } usager(id: $id) { identite { nomNaissance } } } fragment T on __Type { name }';

  it('without a token: the type is described, the usager refused (NON_AUTHENTIFIE)', async () => {
    const answer = await query(federation, mixed, { id: idOf('rsa-isolee') });
    expect(answer.data).toEqual({ __type: { name: 'Usager' }, usager: null });
    expect(answer.errors).toEqual([{ message: 'Not authorized to read Query.usager', path: ['usager'], extensions: { code: 'NON_AUTHENTIFIE' } }]);
  });

  it('as a référent, for someone outside her caseload: the usager refused (ACCES_REFUSE) by the row guard', async () => {
    const answer = await query(federation, mixed, { id: idOf('homonyme-rodez') }, asReferent('ref-001'));
    expect(answer.data).toEqual({ __type: { name: 'Usager' }, usager: null });
    expect(answer.errors).toEqual([{ message: 'Not authorized to read this usager.', path: ['usager'], extensions: { code: 'ACCES_REFUSE' } }]);
  });

  it('as a référent, for someone she follows: both answered, and only the data fields journaled', async () => {
    const id = idOf('rsa-isolee');
    const before = journalRecords().length;
    const answer = await query(federation, mixed, { id }, asReferent('ref-001'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ __type: { name: 'Usager' }, usager: { identite: { nomNaissance: federation.population.persona('rsa-isolee').nomNaissance } } });
    const records = journalRecords().slice(before);
    expect(records.map((r) => [r.operationName, r.usagers, r.lectures])).toEqual([['Mixte', [id], { identite: ['IdentiteCivile.nomNaissance', 'Query.usager', 'Usager.identite'] }]]);
  });
});

describe('what introspection leaves behind', () => {
  it('logs no error and journals no consultation, with or without a token', async () => {
    const journaled = journalRecords().length;
    const logged = logLines.length;
    for (const [, caller] of callers) {
      for (const [, options] of queries) expect((await query(federation, getIntrospectionQuery(options), {}, caller)).errors).toBeUndefined();
    }
    const errors = logLines.slice(logged).filter((line) => (JSON.parse(line) as { level: string }).level === 'error');
    expect(errors).toEqual([]);
    expect(journalRecords().length).toBe(journaled);
  });
});
