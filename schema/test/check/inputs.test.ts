import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BaseRefError, formatSchemaCheckReport, parseBreakingChangesFile, readPersistedOperations, resolveBaseApiSchema } from '../../src/check';
import { explainCompositionError } from '../../src/check/explainCompositionError';
import { breakingChangesPath } from '../../src/paths';

const folders: string[] = [];
const temporaryFolder = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'schema-check-'));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe('parseBreakingChangesFile', () => {
  const entry = { type: 'FIELD_REMOVED', path: 'DossierCaf.codePostal', reason: 'No front-end reads it (checked).', date: '2025-06-02', acknowledgedBy: 'Camille Martin' };
  const file = (acknowledgements: unknown[]) => JSON.stringify({ acknowledgements });

  it('reads the committed file, every entry of it', () => {
    const text = readFileSync(breakingChangesPath, 'utf8');
    expect(parseBreakingChangesFile(text, 'schema/breaking-changes.json')).toEqual((JSON.parse(text) as { acknowledgements: unknown[] }).acknowledgements);
  });

  it('reads a valid entry', () => {
    expect(parseBreakingChangesFile(file([entry]), 'b.json')).toEqual([entry]);
  });

  it('names each problem with its entry and field', () => {
    expect(() => parseBreakingChangesFile(file([{ ...entry, reason: '<why no front-end breaks, or how they migrate>', date: '2025-02-30', acknowledgedBy: ' ' }]), 'b.json')).toThrow(
      'b.json is invalid:\n  - acknowledgements.0.reason: reason is still the placeholder the report printed: write it\n  - acknowledgements.0.date: not a calendar date\n  - acknowledgements.0.acknowledgedBy: acknowledgedBy is empty',
    );
    expect(() => parseBreakingChangesFile(file([{ ...entry, type: 'removed', extra: 1 }]), 'b.json')).toThrow(
      'b.json is invalid:\n  - acknowledgements.0.type: expected a graphql-inspector change type such as FIELD_REMOVED\n  - acknowledgements.0: Unrecognized key: "extra"',
    );
  });

  it('refuses a change acknowledged twice, and a file that is not JSON', () => {
    expect(() => parseBreakingChangesFile(file([entry, entry]), 'b.json')).toThrow('b.json is invalid:\n  - acknowledgements.1: FIELD_REMOVED DossierCaf.codePostal is acknowledged twice');
    expect(() => parseBreakingChangesFile('{', 'b.json')).toThrow(/^b\.json is not JSON: /);
  });
});

describe('explainCompositionError', () => {
  it('falls back to the message and code for a code it does not know', () => {
    const explained = explainCompositionError({ code: 'SOMETHING_NEW', message: '[caf] On type "DossierCaf", something new went wrong' }, ['caf', 'cpam']);
    expect(explained).toEqual({ code: 'SOMETHING_NEW', subgraphs: ['caf'], coordinates: ['DossierCaf'], explanation: null, message: '[caf] On type "DossierCaf", something new went wrong' });
    const text = formatSchemaCheckReport({ ok: false, composition: { ok: false, errors: [explained] }, changes: null, operations: null, lint: [] });
    expect(text).toContain('  ✗ SOMETHING_NEW — subgraph(s) caf — DossierCaf\n    | composition says: [caf] On type "DossierCaf", something new went wrong');
  });
});

describe('readPersistedOperations', () => {
  it('reads each operation with the fragments it uses, from any file, and the manifest', () => {
    const root = temporaryFolder();
    mkdirSync(path.join(root, 'operations'));
    writeFileSync(path.join(root, 'operations', 'Dossier.graphql'), 'query Dossier($id: ID!) { usager(id: $id) { ...Caf } }');
    writeFileSync(path.join(root, 'operations', 'fragments.graphql'), 'fragment Caf on Usager { caf { statut } }\nfragment Inutile on Usager { id }');
    writeFileSync(
      path.join(root, 'manifest.json'),
      JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'x', name: 'Liste', type: 'query', body: 'query Liste { usagers(ids: []) { id } }' }] }),
    );
    expect(readPersistedOperations(path.join(root, 'operations'), path.join(root, 'manifest.json'), root)).toEqual([
      { name: 'Dossier', source: 'operations/Dossier.graphql', body: 'query Dossier($id: ID!) {\n  usager(id: $id) {\n    ...Caf\n  }\n}\n\nfragment Caf on Usager {\n  caf {\n    statut\n  }\n}' },
      { name: 'Liste', source: 'manifest.json', body: 'query Liste { usagers(ids: []) { id } }' },
    ]);
  });

  it('names the file that is missing or malformed', () => {
    const root = temporaryFolder();
    expect(() => readPersistedOperations(path.join(root, 'operations'), path.join(root, 'manifest.json'), root)).toThrow('The operations folder operations does not exist.');
    mkdirSync(path.join(root, 'operations'));
    writeFileSync(path.join(root, 'manifest.json'), '{"format": "other"}');
    expect(() => readPersistedOperations(path.join(root, 'operations'), path.join(root, 'manifest.json'), root)).toThrow(/^The persisted operations manifest manifest\.json is invalid: /);
    writeFileSync(path.join(root, 'operations', 'Bad.graphql'), 'query {');
    expect(() => readPersistedOperations(path.join(root, 'operations'), path.join(root, 'manifest.json'), root)).toThrow(/^operations\/Bad\.graphql: Syntax Error/);
  });
});

describe('resolveBaseApiSchema', () => {
  const repository = () => {
    const root = temporaryFolder();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.org');
    git('config', 'user.name', 'Test');
    git('config', 'commit.gpgsign', 'false');
    mkdirSync(path.join(root, 'schema'));
    const api = path.join(root, 'schema', 'api.graphql');
    const commit = (sdl: string, message: string) => {
      writeFileSync(api, sdl);
      git('add', '-A');
      git('commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD');
    };
    return { root, git, api, commit };
  };

  it('on a branch, reads api.graphql at the merge-base with main; on main, at HEAD', () => {
    const { git, api, commit } = repository();
    const first = commit('type Query { a: Int }\n', 'first');
    git('checkout', '-q', '-b', 'feature');
    commit('type Query { a: Int, b: Int }\n', 'on the branch');
    git('checkout', '-q', 'main');
    const second = commit('type Query { a: Int, c: Int }\n', 'main moves on');
    git('checkout', '-q', 'feature');
    writeFileSync(api, 'type Query { uncommitted: Int }\n');
    expect(resolveBaseApiSchema(api)).toEqual({ sdl: 'type Query { a: Int }\n', label: `schema/api.graphql at main (merge-base ${first.slice(0, 10)} of feature and main)` });
    expect(resolveBaseApiSchema(api, 'main')).toEqual({ sdl: 'type Query { a: Int, c: Int }\n', label: `schema/api.graphql at main (${second.slice(0, 10)})` });
    git('checkout', '-q', '-f', 'main');
    writeFileSync(api, 'type Query { uncommitted: Int }\n');
    expect(resolveBaseApiSchema(api)).toEqual({ sdl: 'type Query { a: Int, c: Int }\n', label: `schema/api.graphql at HEAD (${second.slice(0, 10)})` });
  });

  it('refuses a --base git cannot resolve, or where the file does not exist', () => {
    const { api, commit, git } = repository();
    writeFileSync(path.join(path.dirname(api), 'other'), 'x');
    git('add', '-A');
    git('commit', '-q', '-m', 'no api yet');
    commit('type Query { a: Int }\n', 'api');
    expect(() => resolveBaseApiSchema(api, 'nope')).toThrow(new BaseRefError('--base nope: git knows no such commit, branch or tag'));
    expect(() => resolveBaseApiSchema(api, 'HEAD~1')).toThrow(new BaseRefError('--base HEAD~1: schema/api.graphql does not exist at that commit'));
  });

  it('falls back to the file on disk outside a git repository, and says so', () => {
    const root = temporaryFolder();
    const api = path.join(root, 'api.graphql');
    writeFileSync(api, 'type Query { a: Int }\n');
    expect(resolveBaseApiSchema(api)).toEqual({
      sdl: 'type Query { a: Int }\n',
      label: 'api.graphql on disk',
      fromDisk: true,
      note: 'git is unavailable or this is not a git repository: comparing with the file on disk instead, which shows only changes not composed yet',
    });
  });
});
