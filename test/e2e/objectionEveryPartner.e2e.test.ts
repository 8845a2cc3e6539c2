import { readFileSync } from 'node:fs';
import { readPartnerRegistry } from '@passerelle/gateway';
import { usagerFileFields } from '../src/e2e/fullFileQuery';
import { asReferent, query, startTestFederation, testCodec } from '../src/e2e/testFederation';
import type { RunningFederation } from '../src/startFederation';

/**
 * An objection to any partner means that partner's system is not asked about that person.
 * Every opposable partner the supergraph declares is tried in turn; the simulated systems
 * behind each (counted by the simulator) must receive no call for the usager's file.
 */
const registry = readPartnerRegistry(readFileSync(require.resolve('@passerelle/schema/supergraph.graphql'), 'utf8'));
/** The simulated systems each partner's subgraph calls (mocks/docs): the test's own knowledge of the simulator. */
const systemsOf: Readonly<Record<string, readonly string[]>> = {
  caf: ['caf'], cpam: ['cpam'], carsat: ['carsat'], msa: ['msa'], 'france-travail': ['france-travail'], bailleurs: ['rah', 'ah'], siao: ['siao'], departement: ['departement'],
};
const enumOf = (code: string) => code.toUpperCase().replace(/-/g, '_');

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const file = `query($id: ID!) { usager(id: $id) { ${usagerFileFields} } }`;

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

    const objection = await query(federation, 'mutation($u: ID!, $p: PartenaireSource!) { enregistrerOpposition(usagerId: $u, partenaire: $p, recueilliePar: "Nadia Cayla") { rejoue } }', { u: id, p: enumOf(code) }, asReferent('ref-001'));
    expect(objection.errors).toBeUndefined();
    const during = await read();
    // The Département's system is still asked once: for the access facts (référent, objections)
    // that row authorization needs, never for the usager's file.
    expect(during.calls).toBe(code === 'departement' ? 1 : 0);
    const withheld = (during.answer.errors ?? []).filter((e) => e.extensions?.code === 'OPPOSITION_PARTAGE' && e.extensions?.partenaire === code);
    expect(withheld.length).toBeGreaterThan(0);

    const lifted = await query(federation, 'mutation($u: ID!, $p: PartenaireSource!) { leverOpposition(usagerId: $u, partenaire: $p) { rejoue } }', { u: id, p: enumOf(code) }, asReferent('ref-001'));
    expect(lifted.errors).toBeUndefined();
    expect((await read()).calls).toBe(before.calls);
  });
});
