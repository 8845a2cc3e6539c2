import { expect } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer, gatewayEnv, loadDevSigningKey, loadGatewayConfig, verifyJournal, type RunningGateway } from '@passerelle/gateway';
import type { PersonaKey } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { generateGatewayContextKey } from '@passerelle/subgraph-kit/context-keys';
import { generateKeyPair, SignJWT } from 'jose';
import { asAccueil, asAgent, asReferent, asUsager, nirsIn, query, startTestFederation, testCodec, tokenFor } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

/** Attacks on the gateway, each refused with a stable code and no NIR in any body. */
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const idOf = (key: PersonaKey) => testCodec.encode(federation.population.persona(key).nir);

interface Raw {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> };
  text: string;
  headers: Headers;
}
async function post(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<Raw> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Raw['body'], text, headers: response.headers };
}
const gateway = (payload: unknown, headers: Record<string, string> = {}) => post(`${federation.gatewayUrl}/graphql`, payload, headers);
const asNadia = async () => ({ authorization: `Bearer ${await tokenFor(federation, asReferent('ref-001'))}`, 'x-passerelle-finalite': 'accompagnement' });
const codes = (answer: Raw) => answer.body.errors?.map((e) => e.extensions?.code);
/** A refused operation: the status, the codes, nothing executed, no NIR. */
function refused(answer: Raw, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(codes(answer)).toContain(code);
  expect(answer.body.data ?? null).toBeNull();
  expect(nirsIn(answer.text)).toEqual([]);
}

describe('operation shape attacks: refused before anything runs (HTTP 400)', () => {
  it('deep nesting beyond GRAPHQL_MAX_DEPTH → OPERATION_TROP_COMPLEXE', async () => {
    // The public schema has no cycle deep enough, and introspection nesting is caught by Apollo's own
    // introspection-depth rule: the depth limit is met here together with validation.
    let selection = 'leaf';
    for (let i = 0; i < 16; i += 1) selection = `n${i} { ${selection} }`;
    const answer = await gateway({ query: `{ usager(id: "${idOf('rsa-isolee')}") { identite { ${selection} } } }` }, await asNadia());
    refused(answer, 400, 'OPERATION_TROP_COMPLEXE');
    const depth = answer.body.errors!.find((e) => e.extensions?.code === 'OPERATION_TROP_COMPLEXE')!;
    expect(depth.message).toMatch(/depth/);
    expect(answer.text).not.toContain('Delmas');
  });

  it('alias overloading → OPERATION_TROP_COMPLEXE', async () => {
    const id = idOf('rsa-isolee');
    const answer = await gateway({ query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: usager(id: "${id}") { identite { nomNaissance } }`).join(' ')} }` }, await asNadia());
    refused(answer, 400, 'OPERATION_TROP_COMPLEXE');
    expect(answer.body.errors?.map((e) => e.message)).toEqual([expect.stringMatching(/alias/)]);
  });

  it('directive overloading → OPERATION_TROP_COMPLEXE', async () => {
    const answer = await gateway({ query: `{ lieuxAccueil { ${'id @include(if: true) '.repeat(40)} } }` }, await asNadia());
    refused(answer, 400, 'OPERATION_TROP_COMPLEXE');
    expect(answer.body.errors?.map((e) => e.message)).toEqual([expect.stringMatching(/directive/)]);
  });

  it('circular fragments → GRAPHQL_VALIDATION_FAILED, nothing run', async () => {
    const answer = await gateway({ query: 'query { lieuxAccueil { ...A } } fragment A on LieuAccueil { id ...B } fragment B on LieuAccueil { nom ...A }' }, await asNadia());
    refused(answer, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(answer.body.errors?.map((e) => e.message)).toEqual([expect.stringMatching(/Cannot spread fragment "A" within itself/)]);
  });

  it('a huge token count → OPERATION_TROP_COMPLEXE (counted before parsing)', async () => {
    const answer = await gateway({ query: `{ lieuxAccueil { ${'id '.repeat(5000)} } }` }, await asNadia());
    refused(answer, 400, 'OPERATION_TROP_COMPLEXE');
    expect(answer.body.errors?.map((e) => e.message)).toEqual([expect.stringMatching(/token/)]);
  });

  it('an HTTP batch (JSON array body) is refused: no operation of it runs', async () => {
    const id = idOf('rsa-isolee');
    const one = { query: 'query($id: ID!) { usager(id: $id) { identite { nomNaissance } } }', variables: { id } };
    const answer = await gateway([one, one], await asNadia());
    expect(answer.status).toBe(400);
    expect(Array.isArray(answer.body)).toBe(false);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors?.[0]?.message).toMatch(/batching disabled/i);
    // The code is Apollo Server's own (BAD_REQUEST, listed after the table of docs/error-codes.md), not one of the registry's.
    expect(answer.body.errors?.[0]?.extensions?.code).toEqual(expect.any(String));
    expect(answer.text).not.toContain('Delmas');
  });
});

describe('introspection in production mode', () => {
  let production: RunningGateway;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-production-'));
    // The gateway alone, in front of the running subgraphs; production secrets; an IdP never fetched (no token is sent).
    // Its own context keys: production refuses the development ones.
    const contextKeys = path.join(dir, 'context-keys.json');
    writeFileSync(contextKeys, JSON.stringify({ keys: [generateGatewayContextKey()] }), { mode: 0o600 });
    production = await createServer(
      loadGatewayConfig({
        PASSERELLE_MODE: 'production',
        GATEWAY_PORT: '0',
        TRUSTED_DOCUMENTS: 'off',
        GATEWAY_CONTEXT_KEYS: contextKeys,
        AUDIT_SEAL_KEY: 'attack-corpus-production-audit-seal-key-0123456789',
        AUDIT_JOURNAL_PATH: path.join(dir, 'journal.jsonl'),
        USAGER_ID_SECRET: 'attack-corpus-production-usager-id-secret-0123456789',
        OIDC_ISSUER: 'https://idp.attack-corpus.test',
        OIDC_JWKS_URL: 'https://idp.attack-corpus.test/jwks.json',
        SUBGRAPH_URLS: [...federation.subgraphs].map(([name, server]) => `${name}=${server.url}/graphql`).join(','),
      }),
      silentLogger,
    );
  });
  afterAll(() => production?.stop());

  it('an anonymous introspection query is refused by validation (GRAPHQL_VALIDATION_FAILED), the schema not given', async () => {
    const answer = await post(`${production.url}/graphql`, { query: '{ __schema { types { name fields { name } } } }' });
    refused(answer, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(answer.body.errors?.[0]?.message).toMatch(/introspection/i);
    expect(answer.text).not.toMatch(/DossierCaf|Usager/);
  });
});

describe('token attacks: HTTP 401 JETON_INVALIDE with WWW-Authenticate', () => {
  const document = { query: 'query($id: ID!) { usager(id: $id) { identite { nomNaissance } caf { numeroAllocataire } } }' };
  const claims = { sub: 'agent-referent-ref-001', roles: ['referent'], referent_id: 'ref-001', organisation: 'CD12' };
  const send = (token: string) => gateway({ ...document, variables: { id: idOf('rsa-isolee') } }, { authorization: `Bearer ${token}`, 'x-passerelle-finalite': 'accompagnement' });
  function invalid(answer: Raw) {
    refused(answer, 401, 'JETON_INVALIDE');
    expect(codes(answer)).toEqual(['JETON_INVALIDE']);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(answer.text).not.toMatch(/Delmas|0412345/);
  }

  it('a token signed by another key (same kid, issuer and audience)', async () => {
    const devKey = await loadDevSigningKey(path.join(os.tmpdir(), `passerelle-e2e-idp-${process.pid}.json`));
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: devKey.kid, typ: 'JWT' })
      .setIssuer(federation.identityProvider!.issuer)
      .setAudience('passerelle')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    invalid(await send(forged));
  });

  it('an expired token signed by the right key (beyond the clock tolerance)', async () => {
    const devKey = await loadDevSigningKey(path.join(os.tmpdir(), `passerelle-e2e-idp-${process.pid}.json`));
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: devKey.kid, typ: 'JWT' })
      .setIssuer(federation.identityProvider!.issuer)
      .setAudience('passerelle')
      .setIssuedAt(now - 600)
      .setExpirationTime(now - 120)
      .sign(devKey.privateKey);
    invalid(await send(expired));
  });

  it('an alg "none" token (no signature)', async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: federation.identityProvider!.issuer, aud: 'passerelle', iat: now, exp: now + 300 })}.`;
    invalid(await send(none));
  });
});

describe('bypassing the gateway', () => {
  it('a direct subgraph call without the gateway’s signed context → 401 CONTEXTE_PASSERELLE_ABSENT', async () => {
    const answer = await post(`${federation.subgraphs.get('caf')!.url}/graphql`, {
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Usager { caf { numeroAllocataire } } } }',
      variables: { r: [{ __typename: 'Usager', nir: federation.population.persona('rsa-isolee').nir }] },
    });
    refused(answer, 401, 'CONTEXTE_PASSERELLE_ABSENT');
    expect(answer.text).not.toContain('0412345');
  });
});

describe('row attacks: a référent reaching outside their caseload (ref-001 → homonyme-rodez, ref-007’s)', () => {
  const nadia = asReferent('ref-001');

  it('usager(id:) → usager null, ACCES_REFUSE at ["usager"]', async () => {
    const answer = await query(federation, 'query($id: ID!) { usager(id: $id) { identite { nomNaissance } caf { numeroAllocataire } } }', { id: idOf('homonyme-rodez') }, nadia);
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ usager: null });
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usager'], 'ACCES_REFUSE']]);
    expect(nirsIn(answer.raw)).toEqual([]);
    expect(answer.raw).not.toMatch(/Martin|0555001/);
  });

  it('usagers(ids:) → the outsider null with ACCES_REFUSE at ["usagers", 1], the caseload’s usager served', async () => {
    const answer = await query<{ usagers: Array<{ identite: { nomNaissance: string } } | null> }>(
      federation,
      'query($ids: [ID!]!) { usagers(ids: $ids) { identite { nomNaissance } } }',
      { ids: [idOf('rsa-isolee'), idOf('homonyme-rodez'), idOf('sans-domicile')] },
      nadia,
    );
    expect(answer.status).toBe(200);
    expect(answer.data!.usagers.map((u) => u !== null)).toEqual([true, false, true]);
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usagers', 1], 'ACCES_REFUSE']]);
    expect(nirsIn(answer.raw)).toEqual([]);
    expect(answer.raw).not.toContain('Martin');
  });

  it('usagers(ids:) with literal ids → refused element by element too (ACCES_REFUSE at ["usagers", 1])', async () => {
    const answer = await query<{ usagers: Array<{ identite: { nomNaissance: string } } | null> }>(
      federation,
      `query { usagers(ids: ["${idOf('rsa-isolee')}", "${idOf('homonyme-rodez')}"]) { identite { nomNaissance } cpam { c2s { statut } } } }`,
      {},
      nadia,
    );
    expect(answer.status).toBe(200);
    expect(answer.data!.usagers.map((u) => u?.identite.nomNaissance ?? null)).toEqual(['Delmas', null]);
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usagers', 1], 'ACCES_REFUSE']]);
    expect(answer.raw).not.toContain('Martin');
  });

  it('usagerParNir with the outsider’s NIR → ACCES_REFUSE, the NIR not echoed', async () => {
    const answer = await query(federation, 'query($nir: String!) { usagerParNir(nir: $nir) { id identite { nomNaissance } } }', { nir: federation.population.persona('homonyme-rodez').nir }, nadia);
    expect(answer.data).toEqual({ usagerParNir: null });
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usagerParNir'], 'ACCES_REFUSE']]);
    expect(nirsIn(answer.raw)).toEqual([]);
  });

  it('rechercherUsagers → the outsider silently absent (accueil, who may see anyone, finds both homonyms)', async () => {
    const search = 'query { rechercherUsagers(identite: { nomNaissance: "martin", prenoms: ["jean"], dateNaissance: "1985-03-14" }) { score usager { id identite { nomNaissance } } } }';
    const byNadia = await query<{ rechercherUsagers: Array<{ usager: { id: string } }> }>(federation, search, {}, nadia);
    expect(byNadia.errors).toBeUndefined();
    expect(byNadia.data!.rechercherUsagers).toEqual([]);
    const byAccueil = await query<{ rechercherUsagers: Array<{ usager: { id: string } }> }>(federation, search, {}, asAccueil());
    expect(byAccueil.data!.rechercherUsagers.map((c) => c.usager.id)).toEqual(expect.arrayContaining([idOf('homonyme-rodez'), idOf('homonyme-millau')]));
    const byRef007 = await query<{ rechercherUsagers: Array<{ usager: { id: string } }> }>(federation, search, {}, asReferent('ref-007'));
    expect(byRef007.data!.rechercherUsagers.map((c) => c.usager.id)).toEqual([idOf('homonyme-rodez')]);
    for (const answer of [byNadia, byAccueil, byRef007]) expect(nirsIn(answer.raw)).toEqual([]);
  });

  it('a mutation on the outsider → ACCES_REFUSE at the mutation’s path, nothing written', async () => {
    const u = idOf('homonyme-rodez');
    const answer = await query(federation, 'mutation($u: ID!) { ajouterNote(usagerId: $u, texte: "Note intrusive", audience: EQUIPE, auteur: "Nadia Cayla") { note { id } } }', { u }, nadia);
    expect(answer.data).toEqual({ ajouterNote: null });
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['ajouterNote'], 'ACCES_REFUSE']]);
    const opposition = await query(federation, 'mutation($u: ID!) { leverOpposition(usagerId: $u, partenaire: BAILLEURS) { opposition { active } } }', { u }, nadia);
    expect(opposition.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['leverOpposition'], 'ACCES_REFUSE']]);
    const file = await query<{ usager: { dossierPartage: { notes: Array<{ texte: string }> }; oppositions: Array<{ partenaire: string; active: boolean }> } }>(
      federation,
      'query($u: ID!) { usager(id: $u) { dossierPartage { notes { texte } } oppositions { partenaire active } } }',
      { u },
      asReferent('ref-007'),
    );
    expect(file.data!.usager.dossierPartage.notes.map((n) => n.texte)).not.toContain('Note intrusive');
    expect(file.data!.usager.oppositions).toContainEqual({ partenaire: 'BAILLEURS', active: true });
  });
});

describe('the audit journal', () => {
  it('after personal operations and a clean stop: sealed, verifiable, no NIR nor name, each record with purpose, roles and reads by partner', async () => {
    const journal = path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-attack-audit-')), 'journal.jsonl');
    const sealKey = 'attack-corpus-audit-seal-key-0123456789-abcdef';
    const audited = await startTestFederation({ AUDIT_JOURNAL_PATH: journal, AUDIT_SEAL_KEY: sealKey });
    const names: string[] = [];
    try {
      const id = (key: PersonaKey) => testCodec.encode(audited.population.persona(key).nir);
      const file =
        'query Dossier($id: ID!) { usager(id: $id) { identite { nomNaissance prenoms } caf { numeroAllocataire } cpam { regime } franceTravail { identifiant } dossierPartage { notes { id } } } }';
      for (const [key, caller] of [
        ['rsa-isolee', asReferent('ref-001')],
        ['rsa-isolee', asAgent('caf')],
        ['sans-domicile', asUsager(id('sans-domicile'))],
        ['homonyme-rodez', asReferent('ref-001')],
      ] as const) {
        const answer = await query(audited, file, { id: id(key) }, caller);
        expect(nirsIn(answer.raw)).toEqual([]);
      }
      for (const key of ['rsa-isolee', 'sans-domicile', 'homonyme-rodez'] as const) {
        const persona = audited.population.persona(key);
        names.push(persona.nomNaissance, ...persona.prenoms);
      }
    } finally {
      await audited.stop();
    }

    const text = readFileSync(journal, 'utf8');
    expect(nirsIn(text)).toEqual([]);
    for (const name of names) expect([name, text.includes(name)]).toEqual([name, false]);
    // Nor the other secrets or data values read.
    expect(text).not.toMatch(/0412345|0411723K/);

    const verification = await verifyJournal(journal, sealKey, { strict: true });
    expect(verification).toMatchObject({ ok: true, problems: [] });
    expect(verification.records).toBeGreaterThanOrEqual(4);
    expect(verification.seals).toBeGreaterThan(0);
    // Another key does not verify it; the default dev key is not the one used.
    expect(sealKey).not.toBe(gatewayEnv.auditSealKey.default);
    expect((await verifyJournal(journal, gatewayEnv.auditSealKey.default)).ok).toBe(false);

    const records = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; record?: Record<string, unknown> })
      .filter((line) => line.type === 'acces')
      .map((line) => line.record!);
    expect(records.length).toBe(verification.records);
    for (const record of records) {
      expect(record).toMatchObject({ finalite: expect.any(String), roles: expect.any(Array), lectures: expect.any(Object), usagers: expect.any(Array), operationName: 'Dossier' });
      expect((record.roles as string[]).length).toBeGreaterThan(0);
    }
    const byRole = (role: string, finalite: string) => records.filter((r) => (r.roles as string[]).includes(role) && r.finalite === finalite);
    // The référent's read of their usager: every partner read, by partner subgraph.
    const referentRead = byRole('referent', 'accompagnement').find((r) => r.issue === 'ok')!;
    expect(Object.keys(referentRead.lectures as object)).toEqual(expect.arrayContaining(['caf', 'cpam', 'france-travail', 'departement']));
    expect((referentRead.lectures as Record<string, string[]>).caf).toContain('DossierCaf.numeroAllocataire');
    // The CAF agent's: CAF read, the rest refused.
    const agentRead = byRole('agent', 'instruction')[0]!;
    expect(Object.keys(agentRead.lectures as object)).toContain('caf');
    expect(agentRead.lectures).not.toHaveProperty('cpam');
    expect(agentRead.issue).toBe('partiel');
    expect(byRole('usager', 'information')).toHaveLength(1);
  });
});
