import { readFileSync } from 'node:fs';
import { readPartnerRegistry } from '@passerelle/gateway';
import { discoverSubgraphs } from '@passerelle/subgraph-kit/discovery';
import { usagerFileFields } from '../src/e2e/fullFileQuery';
import { asReferent, query, startTestFederation, testCodec } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

/**
 * An objection to any partner means that partner's system is not asked about that person.
 * Every opposable partner the supergraph declares is tried in turn; the simulated systems
 * behind each (counted by the simulator) must receive no call for the usager's file.
 */
const registry = readPartnerRegistry(readFileSync(require.resolve('@passerelle/schema/supergraph.graphql'), 'utf8'));
/** The simulated systems each founding partner's subgraph calls (mocks/docs): the test's own knowledge of the simulator. */
const founding: Readonly<Record<string, readonly string[]>> = {
  caf: ['caf'],
  cpam: ['cpam'],
  carsat: ['carsat'],
  msa: ['msa'],
  'france-travail': ['france-travail'],
  bailleurs: ['rah', 'ah'],
  siao: ['siao'],
  departement: ['departement'],
};
/** A partner published since by its own folder: the systems its subgraphs' package.json `passerelle.legacy` blocks point at. */
const discovered = discoverSubgraphs();
const publishedSystems = (code: string) => (registry.partners.get(code)?.subgraphs ?? []).flatMap((name) => Object.values(discovered.find((s) => s.name === name)?.legacy ?? {}));
const systemsOf: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(
    registry.opposables
      .filter((code) => !(code in founding))
      .flatMap((code) => {
        const systems = publishedSystems(code);
        return systems.length > 0 ? [[code, systems] as const] : [];
      }),
  ),
  ...founding,
};

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

// With the Usager fields of partners published since, which the full file does not name: asking for them is what calls their systems.
const publishedFields = registry.opposables.filter((code) => !(code in founding)).flatMap((code) => registry.partners.get(code)?.usagerFields ?? []);
const file = `query($id: ID!) { usager(id: $id) { ${usagerFileFields} ${publishedFields.map((f) => `${f} { __typename }`).join(' ')} } }`;

it('knows the simulated systems of every opposable partner the supergraph declares', () => {
  expect(registry.opposables.filter((code) => !(code in systemsOf))).toEqual([]);
});

describe.each(registry.opposables.filter((code) => code in systemsOf))('an objection to %s', (code) => {
  it('means its system receives no call for that usager; lifted, it is asked again', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const calls = () => systemsOf[code]!.map((system) => federation.simulator.stats()[system] ?? 0).reduce((a, b) => a + b, 0);
    const read = async () => {
      federation.simulator.reset();
      const answer = await query(federation, file, { id }, asReferent('ref-001'));
      expect(answer.data?.usager).not.toBeNull();
      return { calls: calls(), answer };
    };
    const before = await read();
    expect(before.calls).toBeGreaterThan(0);

    // By code: the PartenaireSource enum lists the founding partners only (schema/PARTENAIRES.md).
    const objection = await query(
      federation,
      'mutation($u: ID!, $c: CodePartenaire!) { enregistrerOpposition(usagerId: $u, codePartenaire: $c, recueilliePar: "Nadia Cayla") { rejoue } }',
      { u: id, c: code },
      asReferent('ref-001'),
    );
    expect(objection.errors).toBeUndefined();
    const during = await read();
    // The Département's system is still asked once: for the access facts (référent, objections)
    // that row authorization needs, never for the usager's file.
    expect(during.calls).toBe(code === 'departement' ? 1 : 0);
    const withheld = (during.answer.errors ?? []).filter((e) => e.extensions?.code === 'OPPOSITION_PARTAGE' && e.extensions?.partenaire === code);
    expect(withheld.length).toBeGreaterThan(0);

    const lifted = await query(federation, 'mutation($u: ID!, $c: CodePartenaire!) { leverOpposition(usagerId: $u, codePartenaire: $c) { rejoue } }', { u: id, c: code }, asReferent('ref-001'));
    expect(lifted.errors).toBeUndefined();
    expect((await read()).calls).toBe(before.calls);
  });
});

describe('objections name partners by their code', () => {
  it('records and lifts an objection by codePartenaire, which the facts and the file then honour', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const recorded = await query<{ enregistrerOpposition: { opposition: { codePartenaire: string; partenaire: string | null; active: boolean } } }>(
      federation,
      'mutation($u: ID!) { enregistrerOpposition(usagerId: $u, codePartenaire: "france-travail", recueilliePar: "Nadia Cayla") { opposition { codePartenaire partenaire active } } }',
      { u: id },
      asReferent('ref-001'),
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.enregistrerOpposition.opposition).toEqual({ codePartenaire: 'france-travail', partenaire: 'FRANCE_TRAVAIL', active: true });
    federation.simulator.reset();
    const file = await query(federation, 'query($id: ID!) { usager(id: $id) { franceTravail { identifiant } } }', { id }, asReferent('ref-001'));
    expect(file.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.partenaire])).toEqual([[['usager', 'franceTravail'], 'OPPOSITION_PARTAGE', 'france-travail']]);
    expect(federation.simulator.stats()['france-travail'] ?? 0).toBe(0);
    const lifted = await query(federation, 'mutation($u: ID!) { leverOpposition(usagerId: $u, codePartenaire: "france-travail") { rejoue } }', { u: id }, asReferent('ref-001'));
    expect(lifted.errors).toBeUndefined();
  });

  it('refuses, before anything runs, a code no subgraph declares, in the document or in variables', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    federation.simulator.reset();
    const inline = await query(
      federation,
      'mutation($u: ID!) { enregistrerOpposition(usagerId: $u, codePartenaire: "impots", recueilliePar: "Nadia Cayla") { rejoue } }',
      { u: id },
      asReferent('ref-001'),
    );
    expect(inline).toMatchObject({
      errors: [{ message: 'No partner of this federation has the code given in codePartenaire.', extensions: { code: 'ARGUMENT_INVALIDE', argument: 'codePartenaire' } }],
    });
    expect(inline.data ?? null).toBeNull();
    const variable = await query(
      federation,
      'mutation($u: ID!, $c: CodePartenaire) { enregistrerOpposition(usagerId: $u, codePartenaire: $c, recueilliePar: "Nadia Cayla") { rejoue } }',
      { u: id, c: 'impots' },
      asReferent('ref-001'),
    );
    expect(variable.errors?.map((e) => e.extensions?.code)).toEqual(['ARGUMENT_INVALIDE']);
    expect(federation.simulator.stats().departement ?? 0).toBe(0);
  });

  it('refuses an objection naming the partner twice, or not at all', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const both = await query(
      federation,
      'mutation($u: ID!) { enregistrerOpposition(usagerId: $u, codePartenaire: "caf", partenaire: CAF, recueilliePar: "Nadia Cayla") { rejoue } }',
      { u: id },
      asReferent('ref-001'),
    );
    expect(both.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.argument])).toEqual([[['enregistrerOpposition'], 'ARGUMENT_INVALIDE', 'codePartenaire']]);
    const none = await query(federation, 'mutation($u: ID!) { leverOpposition(usagerId: $u) { rejoue } }', { u: id }, asReferent('ref-001'));
    expect(none.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.argument])).toEqual([[['leverOpposition'], 'ARGUMENT_INVALIDE', 'codePartenaire']]);
  });
});
