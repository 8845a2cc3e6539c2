import { asAccueil, asAgent, asReferent, query, startTestFederation, testCodec } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const file = 'query($id: ID!) { usager(id: $id) { caf { quotientFamilial } cpam { c2s { statut } } franceTravail { identifiant } } }';
type File = { usager: { caf: unknown; cpam: unknown; franceTravail: unknown } | null };

describe('the entity guard: a partner is not even asked about someone withheld from it', () => {
  it('after an objection to CAF, a référent’s read costs CAF no call; the CAF agent’s read still reaches CAF', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const objection = await query(federation, 'mutation($u: ID!) { enregistrerOpposition(usagerId: $u, partenaire: CAF, recueilliePar: "Nadia Cayla") { rejoue } }', { u: id }, asReferent('ref-001'));
    expect(objection.errors).toBeUndefined();

    federation.simulator.reset();
    const asHerReferent = await query<File>(federation, file, { id }, asReferent('ref-001'));
    expect(asHerReferent.data?.usager?.caf).toBeNull();
    expect(asHerReferent.data?.usager?.cpam).toEqual({ c2s: { statut: 'SANS_PARTICIPATION' } });
    expect(asHerReferent.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.partenaire])).toEqual([[['usager', 'caf'], 'OPPOSITION_PARTAGE', 'caf']]);
    expect(federation.simulator.stats().caf).toBe(0);
    expect(federation.simulator.stats().cpam).toBe(1);

    federation.simulator.reset();
    const asCafAgent = await query<{ usager: { caf: unknown } }>(federation, 'query($id: ID!) { usager(id: $id) { caf { quotientFamilial } } }', { id }, asAgent('caf'));
    expect(asCafAgent.errors).toBeUndefined();
    expect(asCafAgent.data?.usager.caf).toEqual({ quotientFamilial: 569 });
    expect(federation.simulator.stats().caf).toBe(1);
  });

  it('a reception agent’s identity search asks the Département nothing; her référent’s search, and a partner’s data for the agent, ask who may see what', async () => {
    const person = federation.population.persona('rsa-isolee');
    const search = `query { rechercherUsagers(identite: { nomNaissance: ${JSON.stringify(person.nomNaissance)}, prenoms: ${JSON.stringify(person.prenoms)}, dateNaissance: "${person.dateNaissance}" }) { usager { id identite { nomNaissance } } } }`;
    type Found = { rechercherUsagers: Array<{ usager: { id: string } }> };
    federation.simulator.reset();
    const asAgentAtReception = await query<Found>(federation, search, {}, asAccueil());
    expect(asAgentAtReception.errors).toBeUndefined();
    expect(asAgentAtReception.data?.rechercherUsagers.map((c) => c.usager.id)).toContain(testCodec.encode(person.nir));
    expect(federation.simulator.stats().departement ?? 0).toBe(0);

    federation.simulator.reset();
    const asHerReferent = await query<Found>(federation, search, {}, asReferent('ref-001'));
    expect(asHerReferent.data?.rechercherUsagers.map((c) => c.usager.id)).toContain(testCodec.encode(person.nir));
    expect(federation.simulator.stats().departement).toBe(1);

    federation.simulator.reset();
    const presence = await query<{ usager: { presencePartenaires: unknown } }>(
      federation,
      'query($id: ID!) { usager(id: $id) { presencePartenaires { caf } } }',
      { id: testCodec.encode(person.nir) },
      asAccueil(),
    );
    expect(presence.errors).toBeUndefined();
    expect(federation.simulator.stats().departement).toBe(1);
  });

  it('search results outside the caseload cost their partners no call', async () => {
    federation.simulator.reset();
    const search = await query<{ rechercherUsagers: unknown[] }>(
      federation,
      'query { rechercherUsagers(identite: { nomNaissance: "martin", prenoms: ["jean"], dateNaissance: "1985-03-14" }) { usager { cpam { c2s { statut } } } } }',
      {},
      asReferent('ref-001'),
    );
    expect(search.data?.rechercherUsagers).toEqual([]);
    expect(federation.simulator.stats().cpam).toBe(0);
  });
});
