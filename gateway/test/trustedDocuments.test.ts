import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningHttpServer } from '@passerelle/subgraph-kit/http';
import { loadGatewayConfig } from '../src/config';
import { createServer, type RunningGateway } from '../src/server';
import type { PersistedOperationsManifest } from '../src/trustedDocuments';
import { hardenedGatewayEnv, postJson, startDossiersSubgraph, startHardenedGateway, writeGatewayFiles } from './support/hardenedGateway';
import { withTestJournal } from './support/tempJournalPath';

let dir: string;
let subgraph: RunningHttpServer;
let dev: RunningGateway;
/** Production on its defaults: TRUSTED_DOCUMENTS=allow-ad-hoc-for-roles, and no caller (authentication does not fill the context yet). */
let production: RunningGateway;
let idOf: (name: string) => string;
let bodyOf: (name: string) => string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'passerelle-trusted-'));
  subgraph = await startDossiersSubgraph();
  dev = await startHardenedGateway(path.join(dir, 'dev'), subgraph, { PASSERELLE_MODE: 'dev' });
  production = await startHardenedGateway(path.join(dir, 'production'), subgraph, { PASSERELLE_MODE: 'production' });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'production', 'persisted-operations.json'), 'utf8')) as PersistedOperationsManifest;
  const byName = new Map(manifest.operations.map((operation) => [operation.name, operation]));
  idOf = (name) => byName.get(name)!.id;
  bodyOf = (name) => byName.get(name)!.body;
});

afterAll(async () => {
  await Promise.all([dev?.stop(), production?.stop()]);
  await subgraph?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const byHash = (sha256Hash: string, variables: Record<string, unknown> = {}) => ({ variables, extensions: { persistedQuery: { version: 1, sha256Hash } } });
const unknownDocument = {
  errors: [{ message: 'No persisted operation has this sha256Hash (extensions.persistedQuery: { version: 1, sha256Hash }).', extensions: { code: 'DOCUMENT_INCONNU', retryable: false } }],
};
const notPersisted = {
  errors: [{ message: 'Only persisted operations run here: send extensions.persistedQuery.sha256Hash.', extensions: { code: 'OPERATION_NON_PERSISTEE', retryable: false } }],
};

describe('persisted operations', () => {
  test('run by their hash in production, fragments from another file included', async () => {
    const fiche = await postJson(production.url, byHash(idOf('Fiche'), { id: 'u-1' }));
    expect(fiche.status).toBe(200);
    expect(fiche.body).toEqual({ data: { usager: { id: 'u-1', nom: 'Nom de u-1' } } });

    const famille = await postJson(production.url, byHash(idOf('Famille'), { id: 'u-2' }));
    expect(famille.body).toEqual({ data: { usager: { id: 'u-2', nom: 'Nom de u-2', proches: [{ id: 'u-2-p', nom: 'Nom de u-2-p' }] } } });
  });

  test('run by their hash over GET (with the preflight header CSRF prevention asks for)', async () => {
    const search = new URLSearchParams({ extensions: JSON.stringify(byHash(idOf('Fiche')).extensions), variables: JSON.stringify({ id: 'u-3' }) });
    const response = await fetch(`${production.url}/graphql?${search.toString()}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { usager: { id: 'u-3', nom: 'Nom de u-3' } } });
  });

  test('an unknown hash is refused with DOCUMENT_INCONNU (HTTP 400), in production and in dev mode', async () => {
    for (const gateway of [production, dev]) {
      const { status, body } = await postJson(gateway.url, byHash('0'.repeat(64)));
      expect(status).toBe(400);
      expect(body).toEqual(unknownDocument);
    }
  });

  test('a malformed persistedQuery extension is refused with DOCUMENT_INCONNU', async () => {
    const { status, body } = await postJson(production.url, { extensions: { persistedQuery: { version: 2, sha256Hash: idOf('Fiche') } } });
    expect(status).toBe(400);
    expect(body).toEqual(unknownDocument);
  });

  test('no client can register a document (Apollo’s APQ is off), not even in dev mode', async () => {
    const query = '{ usager(id: "u-1") { nom } }';
    const register = await postJson(dev.url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
    expect(register.status).toBe(400);
    expect(register.body).toEqual(unknownDocument);
    const reuse = await postJson(dev.url, byHash(sha256(query)));
    expect(reuse.body).toEqual(unknownDocument);
  });

  test('a document sent with the hash of another operation is refused', async () => {
    const { status, body } = await postJson(production.url, { query: '{ panne }', ...byHash(idOf('Fiche'), { id: 'u-1' }) });
    expect(status).toBe(400);
    expect(body).toEqual(unknownDocument);
  });
});

describe('ad-hoc documents', () => {
  test('are refused in production to a request without an allowed role (here: no caller at all)', async () => {
    const { status, body } = await postJson(production.url, { query: '{ usager(id: "u-1") { nom } }' });
    expect(status).toBe(400);
    expect(body).toEqual(notPersisted);
  });

  test('are refused before parsing and validation: a broken or probing document learns nothing about the schema', async () => {
    for (const query of ['{ usager(id: "u-1") { nom ', '{ usager(id: "u-1") { nir } }', '{ __schema { types { name } } }']) {
      const { body } = await postJson(production.url, { query });
      expect(body).toEqual(notPersisted);
    }
  });

  test('run in production when they are exactly the body of a persisted operation', async () => {
    const { status, body } = await postJson(production.url, { query: bodyOf('Fiche'), variables: { id: 'u-4' } });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { usager: { id: 'u-4', nom: 'Nom de u-4' } } });
  });

  test('run in dev mode (TRUSTED_DOCUMENTS defaults to off)', async () => {
    const { status, body } = await postJson(dev.url, { query: '{ usager(id: "u-5") { nom } }' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { usager: { nom: 'Nom de u-5' } } });
  });
});

describe('the manifest at start-up', () => {
  const startOn = (manifestPath: string) => {
    const { supergraphPath } = writeGatewayFiles(path.join(dir, 'start'));
    return createServer(loadGatewayConfig(withTestJournal({ ...hardenedGatewayEnv(path.join(dir, 'start')), SUPERGRAPH_PATH: supergraphPath, PERSISTED_OPERATIONS_PATH: manifestPath })));
  };

  test('a body edited by hand (its id no longer its hash) stops the start', async () => {
    const { manifestPath } = writeGatewayFiles(path.join(dir, 'tampered'));
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PersistedOperationsManifest;
    manifest.operations[0]!.body = '{ panne }';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    await expect(startOn(manifestPath)).rejects.toThrow(
      `The persisted operations manifest ${manifestPath} is invalid: operation ${manifest.operations[0]!.name}: its id is not the SHA-256 of its body`,
    );
  });

  test('a missing manifest stops the start', async () => {
    const missing = path.join(dir, 'nowhere.json');
    await expect(startOn(missing)).rejects.toThrow(`The persisted operations manifest ${missing} cannot be read`);
  });
});
