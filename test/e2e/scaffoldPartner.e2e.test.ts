import { expect } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { writeComposition } from '@passerelle/schema';
import { asAccueil, asAgent, asReferent, asUsager } from '../src/e2e/testFederation';
import { changedPaths, scaffoldPartnerInCopy, startScaffoldedFederation, type ScaffoldedFederation, type ScaffoldedPartner } from '../src/e2e/scaffoldedPartner';

/**
 * Publishing a partner is one folder: in a copy of the repository, `npm run subgraph:new`
 * creates a throw-away partner; only its folders and the composed schema change; its own tests
 * pass; and the copy's federation serves its field through the gateway, under the
 * classification of schema/AUTHORIZATION.md.
 */
const code = 'atelier-insertion';
let partner: ScaffoldedPartner;
let running: ScaffoldedFederation;

beforeAll(async () => {
  partner = scaffoldPartnerInCopy(code, "Atelier d'insertion du Rouergue");
  running = await startScaffoldedFederation(partner);
}, 60_000);
afterAll(async () => {
  await running?.federation.stop();
  partner?.remove();
});
beforeEach(() => running.federation.simulator.reset());

const fullFile = `query($id: ID!) { usager(id: $id) { atelierInsertion { numeroDossier statut dateOuverture dateMiseAJour antenne } } }`;

describe('npm run subgraph:new', () => {
  it("changes nothing but the partner's folders, its API doc and the two composed schemas", () => {
    expect(partner.field).toBe('atelierInsertion');
    const changed = changedPaths(partner.root);
    const allowed = [`subgraphs/${code}/`, `mocks/src/simulators/${code}/`, `mocks/docs/${code}.md`, 'schema/supergraph.graphql', 'schema/api.graphql'];
    expect(changed.filter((file) => !allowed.some((prefix) => file === prefix || file.startsWith(prefix)))).toEqual([]);
    for (const prefix of allowed) expect([prefix, changed.some((file) => file.startsWith(prefix))]).toEqual([prefix, true]);
    expect(changed).toEqual(expect.arrayContaining([`subgraphs/${code}/package.json`, `subgraphs/${code}/schema.graphql`, `subgraphs/${code}/src/index.ts`, `mocks/src/simulators/${code}/index.ts`]));
  });

  it('leaves the composition up to date, with the partner declared', () => {
    const outcome = writeComposition(partner.root, { check: true });
    expect(outcome).toMatchObject({ ok: true, stale: [] });
    const supergraph = execFileSync('git', ['diff', 'schema/supergraph.graphql'], { cwd: partner.root, encoding: 'utf8' });
    expect(supergraph).toContain(`+  @partenaire(code: "${code}", libelle: "Atelier d'insertion du Rouergue")`);
    expect(supergraph).toMatch(/\+ {2}atelierInsertion: DossierAtelierInsertion @join__field\(graph: ATELIER_INSERTION\) .*@partenaire\(code: "atelier-insertion"\)/);
  });

  it('creates a package whose own tests pass as they are', () => {
    const jest = path.join(partner.root, 'node_modules/.bin/jest');
    const run = spawnSync(jest, ['--ci'], { cwd: path.join(partner.root, 'subgraphs', code), encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect([run.status, /Tests: +(\d+) passed, \1 total/.test(run.stderr)]).toEqual([0, true]);
    expect(run.stderr).toContain('PASS test/atelierInsertion.integration.test.ts');
  }, 60_000);

  it("creates files that pass the repository's lint, type-aware rules included", () => {
    const eslint = path.join(partner.root, 'node_modules/.bin/eslint');
    const run = spawnSync(eslint, ['--max-warnings=0', `subgraphs/${code}`, `mocks/src/simulators/${code}`], { cwd: partner.root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect([run.status, run.stdout]).toEqual([0, '']);
  }, 60_000);

  it("writes them in the house style: the repository's format check passes on them", () => {
    const prettier = path.join(partner.root, 'node_modules/.bin/prettier');
    const run = spawnSync(prettier, ['--check', `subgraphs/${code}`, `mocks/src/simulators/${code}`, `mocks/docs/${code}.md`], {
      cwd: partner.root,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    expect([run.status, run.stderr]).toEqual([0, '']);
  });
});

describe("the copy's federation with the new partner", () => {
  it("serves the partner's file of a persona to her référent, with one call to its system", async () => {
    const answer = await running.query(fullFile, { id: running.personaId('rsa-isolee') }, asReferent('ref-001'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      usager: {
        atelierInsertion: {
          numeroDossier: 'AI-000101',
          statut: 'OUVERT',
          dateOuverture: '2025-03-12',
          dateMiseAJour: '2026-10-02',
          antenne: running.federation.population.persona('rsa-isolee').adresse.commune,
        },
      },
    });
    expect(running.legacyCalls()).toBe(1);
  });

  it('serves a usager her own file, and null without error for a persona the partner does not follow', async () => {
    const own = await running.query(fullFile, { id: running.personaId('sans-domicile') }, asUsager(running.personaId('sans-domicile')));
    expect(own.data).toEqual({ usager: { atelierInsertion: expect.objectContaining({ numeroDossier: 'AI-000103', statut: 'SUSPENDU' }) } });
    const none = await running.query(fullFile, { id: running.personaId('registre-seul') }, asUsager(running.personaId('registre-seul')));
    expect(none).toMatchObject({ status: 200, data: { usager: { atelierInsertion: null } } });
    expect(none.errors).toBeUndefined();
  });

  it("gives a reception agent presence only: the file's fields are refused at their path", async () => {
    const answer = await running.query(`query($id: ID!) { usager(id: $id) { atelierInsertion { __typename numeroDossier } } }`, { id: running.personaId('rsa-isolee') }, asAccueil());
    expect(answer.data).toEqual({ usager: { atelierInsertion: { __typename: 'DossierAtelierInsertion', numeroDossier: null } } });
    expect(answer.errors).toEqual([
      { message: 'Not authorized to read DossierAtelierInsertion.numeroDossier', path: ['usager', 'atelierInsertion', 'numeroDossier'], extensions: { code: 'ACCES_REFUSE' } },
    ]);
  });
});

describe('the security layer applies to the new partner, with no edit outside its folders', () => {
  it('row authorization: a référent outside the usager’s caseload gets nothing, and the partner is not asked', async () => {
    const answer = await running.query(fullFile, { id: running.personaId('rsa-isolee') }, asReferent('ref-007'));
    expect(answer.data).toEqual({ usager: null });
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usager'], 'ACCES_REFUSE']]);
    expect(running.legacyCalls()).toBe(0);
  });

  it('objections: once the usager objects to the new partner (by its code), its system receives no call for her; lifted, it does again', async () => {
    const id = running.personaId('rsa-isolee');
    const objection = await running.query(
      'mutation($u: ID!) { enregistrerOpposition(usagerId: $u, codePartenaire: "atelier-insertion", recueilliePar: "Nadia Cayla") { opposition { codePartenaire partenaire active } } }',
      { u: id },
      asReferent('ref-001'),
    );
    expect(objection.errors).toBeUndefined();
    expect(objection.data).toEqual({ enregistrerOpposition: { opposition: { codePartenaire: code, partenaire: null, active: true } } });

    running.federation.simulator.reset();
    const withheld = await running.query(fullFile, { id }, asReferent('ref-001'));
    expect(withheld.data).toEqual({ usager: { atelierInsertion: null } });
    expect(withheld.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.partenaire])).toEqual([[['usager', 'atelierInsertion'], 'OPPOSITION_PARTAGE', code]]);
    expect(running.legacyCalls()).toBe(0);

    // Her own file stays hers: the objection does not apply to the usager herself.
    const own = await running.query(fullFile, { id }, asUsager(id));
    expect(own.data).toEqual({ usager: { atelierInsertion: expect.objectContaining({ numeroDossier: 'AI-000101' }) } });
    expect(running.legacyCalls()).toBe(1);

    const lifted = await running.query('mutation($u: ID!) { leverOpposition(usagerId: $u, codePartenaire: "atelier-insertion") { rejoue } }', { u: id }, asReferent('ref-001'));
    expect(lifted.errors).toBeUndefined();
    running.federation.simulator.reset();
    const again = await running.query(fullFile, { id }, asReferent('ref-001'));
    expect(again.errors).toBeUndefined();
    expect(running.legacyCalls()).toBe(1);
  });

  it('the audit: her journal records the référent’s read of the new partner’s file', async () => {
    const id = running.personaId('sans-domicile');
    const journal = '{ monJournalDesAcces(premier: 200) { organisation roles finalite } }';
    const count = async () =>
      ((await running.query<{ monJournalDesAcces: Array<{ roles: string[] }> }>(journal, {}, asUsager(id))).data?.monJournalDesAcces ?? []).filter((a) => a.roles.includes('referent')).length;
    const before = await count();
    const read = await running.query(`{ usager(id: "${id}") { atelierInsertion { statut } } }`, {}, asReferent('ref-001'));
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ usager: { atelierInsertion: { statut: 'SUSPENDU' } } });
    expect(await count()).toBe(before + 1);
  });

  it('an agent of the new partner gets a token the gateway accepts, and reads its file under `instruction`', async () => {
    const answer = await running.query(fullFile, { id: running.personaId('rsa-isolee') }, asAgent(code));
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ usager: { atelierInsertion: expect.objectContaining({ numeroDossier: 'AI-000101' }) } });
  });
});
