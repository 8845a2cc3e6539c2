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

  it('asks the identity register while the Département is still answering who may see whom, not after it; and not the Département for a list of identities at reception', async () => {
    // People no other test of this file reads: their identity is not in the identity subgraph's cache.
    const [first, second] = federation.population.personnes.filter((p) => !p.ref.startsWith('persona:')).slice(0, 2);
    const list = 'query($ids: [ID!]!) { usagers(ids: $ids) { id identite { nomNaissance } } }';
    const identityAsked = () => (federation.simulator.stats().rip ?? 0) + (federation.simulator.stats().sngi ?? 0) > 0;
    /** Sends the list; resolves with when the identity register was first asked, and when the answer came, in ms. */
    const timed = async (nir: string, caller: Parameters<typeof query>[3]) => {
      federation.simulator.reset();
      const started = Date.now();
      let identityAt: number | null = null;
      const answer = query<{ usagers: unknown[] }>(federation, list, { ids: [testCodec.encode(nir)] }, caller).then((a) => ({ a, at: Date.now() - started }));
      let done: { a: Awaited<ReturnType<typeof query<{ usagers: unknown[] }>>>; at: number } | null = null;
      void answer.then((d) => (done = d));
      while (identityAt === null && done === null) {
        if (identityAsked()) identityAt = Date.now() - started;
        else await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const finished = await answer;
      return { identityAt: identityAt ?? finished.at, answeredAt: finished.at, errors: finished.a.errors };
    };
    federation.simulator.setKnobs('departement', { latencyMs: 3_000 });
    try {
      // A référent's list: the facts decide who she may see, so the answer waits for them; the identity lookup does not.
      const referent = await timed(first!.nir, asReferent('ref-001'));
      expect(referent.answeredAt).toBeGreaterThanOrEqual(3_000);
      expect(referent.identityAt).toBeLessThan(1_500);
      // A reception agent's list of identities: no decision reads the facts; the Département is not even asked.
      const accueil = await timed(second!.nir, asAccueil());
      expect(accueil.errors).toBeUndefined();
      expect(accueil.answeredAt).toBeLessThan(1_500);
      expect(federation.simulator.stats().departement ?? 0).toBe(0);
    } finally {
      federation.simulator.setKnobs('departement', { latencyMs: 0 });
    }
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
