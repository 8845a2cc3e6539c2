import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { operationLimitRules } from '../src/limits';
import { buildPersistedOperationsManifest, manifestStaleness, serializeManifest, sha256Hex } from '../src/trustedDocuments';
import { dossiersTypeDefs } from './support/hardenedGateway';

const schema = buildSchema(dossiersTypeDefs);
const limits = operationLimitRules({ maxDepth: 12, maxAliases: 15, maxDirectives: 10, maxCost: 3000 }, true);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'passerelle-operations-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (files: Record<string, string>) => {
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
};
const build = (rules = limits, on: GraphQLSchema = schema) => buildPersistedOperationsManifest(dir, on, rules);

describe('building the manifest', () => {
  test('takes every operation of every .graphql file, with the fragments it uses wherever they are, sorted by name', () => {
    write({
      'b.graphql': 'query Fiche($id: ID!) { usager(id: $id) { ...Personne } }\nmutation Rien { __typename }',
      'a.graphql': 'query Famille($id: ID!) { usager(id: $id) { proches { ...Personne } } }',
      'fragments.graphql': 'fragment Personne on Usager { id nom }\nfragment Inutile on Usager { statut }',
      'notes.txt': 'not an operation',
    });
    const { manifest, problems } = build();
    expect(problems).toEqual([]);
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    expect(manifest.version).toBe(1);
    expect(manifest.operations.map(({ name, type }) => [name, type])).toEqual([
      ['Famille', 'query'],
      ['Fiche', 'query'],
      ['Rien', 'mutation'],
    ]);
    const fiche = manifest.operations[1]!;
    expect(fiche.body).toBe('query Fiche($id: ID!) {\n  usager(id: $id) {\n    ...Personne\n  }\n}\n\nfragment Personne on Usager {\n  id\n  nom\n}');
    for (const operation of manifest.operations) expect(operation.id).toBe(sha256Hex(operation.body));
  });

  test('reports what cannot be persisted, file by file: files that do not parse first', () => {
    write({
      'anonyme.graphql': '{ usager(id: "u-1") { nom } }',
      'doublon.graphql': 'query Fiche { usager(id: "u-1") { nom } }\nquery Fiche { usager(id: "u-2") { nom } }',
      'faute.graphql': 'query Faute { usager(id: "u-1") { nomm } }',
      'profond.graphql': `query Profond { usager(id: "u-1") { ${'proches { '.repeat(11)}id${' }'.repeat(11)} } }`,
      'syntaxe.graphql': 'query Cassee {',
    });
    expect(build().problems).toEqual([
      'syntaxe.graphql: Syntax Error: Expected Name, found <EOF>.',
      'anonyme.graphql: every operation needs a name (clients find its id by name)',
      'doublon.graphql: operation Fiche is defined twice',
      'faute.graphql: Faute: Cannot query field "nomm" on type "Usager". Did you mean "nom"?',
      "profond.graphql: Profond: The operation exceeds the gateway's depth limit. Query depth limit of 12 exceeded, found 13.",
    ]);
  });
});

describe('the staleness check (`npm run persisted:check`)', () => {
  const manifestPath = () => path.join(dir, 'manifest.json');
  const committed = () => readFileSync(manifestPath(), 'utf8');

  beforeEach(() => {
    write({ 'fiche.graphql': 'query Fiche { usager(id: "u-1") { nom } }', 'liste.graphql': 'query Statuts { usagersParStatut(statut: OUVERT) { id } }' });
    writeFileSync(manifestPath(), serializeManifest(build().manifest));
  });

  test('passes when the manifest is what the build writes', () => {
    expect(manifestStaleness(committed(), build().manifest)).toEqual([]);
  });

  test('fails when an operation was added, changed or removed since', () => {
    write({ 'nouvelle.graphql': 'query Nouvelle { usager(id: "u-9") { id } }', 'fiche.graphql': 'query Fiche { usager(id: "u-1") { nom statut } }' });
    unlinkSync(path.join(dir, 'liste.graphql'));
    expect(manifestStaleness(committed(), build().manifest)).toEqual(['Fiche has changed', 'Nouvelle is not in it', 'Statuts is no longer among the operations']);
  });

  test('fails when the manifest is missing, is not one, or was reformatted', () => {
    const fresh = build().manifest;
    expect(manifestStaleness(undefined, fresh)).toEqual(['the manifest does not exist']);
    expect(manifestStaleness('{', fresh)).toEqual(['the manifest is not a manifest']);
    expect(manifestStaleness(JSON.stringify(fresh), fresh)).toEqual(['its layout differs from what the build writes']);
  });
});

describe('the committed manifest', () => {
  const gatewayDir = path.resolve(__dirname, '..');
  const committedPath = path.join(gatewayDir, 'persisted-operations.json');
  const api = buildSchema(readFileSync(require.resolve('@passerelle/schema/api.graphql'), 'utf8'));

  test('is up to date with gateway/operations, built against the API schema and the default limits', () => {
    const { manifest, problems } = buildPersistedOperationsManifest(path.join(gatewayDir, 'operations'), api, limits);
    expect(problems).toEqual([]);
    expect(manifest.operations.map((operation) => operation.name)).toEqual(expect.arrayContaining(['DossierComplet', 'Liste', 'Recherche']));
    expect(manifestStaleness(readFileSync(committedPath, 'utf8'), manifest)).toEqual([]);
  });

  test('`persisted:check` exits 0 on it, and 1 naming the operation on a stale copy', () => {
    const tsx = path.resolve(gatewayDir, '../node_modules/.bin/tsx');
    const check = (manifestPath: string) =>
      spawnSync(tsx, ['src/cli/buildPersistedOperations.ts', '--check'], { cwd: gatewayDir, env: { ...process.env, PERSISTED_OPERATIONS_PATH: manifestPath }, encoding: 'utf8' });

    const upToDate = path.join(dir, 'up-to-date.json');
    copyFileSync(committedPath, upToDate);
    expect(check(upToDate).status).toBe(0);

    const stale = path.join(dir, 'stale.json');
    const manifest = JSON.parse(readFileSync(committedPath, 'utf8')) as { operations: Array<{ name: string }> };
    writeFileSync(stale, `${JSON.stringify({ ...manifest, operations: manifest.operations.filter((operation) => operation.name !== 'Recherche') }, null, 2)}\n`);
    const result = check(stale);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Recherche is not in it');
  });
});
