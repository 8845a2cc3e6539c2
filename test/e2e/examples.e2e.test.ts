import { documentedOperations } from '../src/docs/documentedOperations';
import { asAccueil, asAgent, asAnalyste, asReferent, nirsIn, query, startTestFederation, testCodec, type TestCaller } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

/** Each operation of docs/examples.md, and the query of the README's quick start (its curl). */
const operations = documentedOperations();

/**
 * Who runs each example, as docs/examples.md says: the référent of rsa-isolee (`ref-001`), or a
 * reception agent for the search, the referral, the presence and the tiers-lieu sign-up, a France Travail agent for its
 * inbox and the acceptance, an analyst for the aggregates; the quick start's curl as `ref-001`.
 */
const callerOf: Record<string, () => TestCaller> = {
  DossierComplet: () => asReferent('ref-001'),
  Liste: () => asReferent('ref-001'),
  Recherche: asAccueil,
  Portefeuille: () => asReferent('ref-001'),
  Synthese: () => asReferent('ref-001'),
  NouvelObjectif: () => asReferent('ref-001'),
  Orienter: asAccueil,
  Presence: asAccueil,
  Inscrire: asAccueil,
  Boite: () => asAgent('france-travail', 'accompagnement'),
  Accepter: () => asAgent('france-travail', 'accompagnement'),
  Statistiques: asAnalyste,
  QuickStart: () => asReferent('ref-001'),
};

async function premiereOrientationProposee(): Promise<string | undefined> {
  const boite = await query<{ orientationsRecues: { edges: Array<{ node: { orientation: { id: string } } }> } }>(
    federation,
    '{ orientationsRecues(statut: PROPOSEE, premier: 1) { edges { node { orientation { id } } } } }',
    {},
    asAgent('france-travail', 'accompagnement'),
  );
  return boite.data?.orientationsRecues.edges[0]?.node.orientation.id;
}

describe('every example operation of the documentation, with a token of the role it names', () => {
  it('covers every example', () => {
    expect(operations.map((o) => o.name).sort()).toEqual(Object.keys(callerOf).sort());
  });

  it.each(operations.map((o) => [o.name, o.document] as const))('%s answers without error and without a NIR', async (name, document) => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const ids = [id, testCodec.encode(federation.population.persona('sans-domicile').nir)];
    // `$orientation`: the first referral proposed to France Travail (the `Orienter` example, run before, made it).
    const orientation = document.includes('$orientation') ? await premiereOrientationProposee() : undefined;
    const variables = document.includes('$ids') ? { ids } : document.includes('$id') ? { id } : orientation !== undefined ? { orientation } : {};
    const answer = await query(federation, document, variables, callerOf[name]!());
    expect(answer.status).toBe(200);
    expect([name, answer.errors]).toEqual([name, undefined]);
    expect(answer.data).not.toBeNull();
    expect(nirsIn(answer.raw)).toEqual([]);
  });

  it.each(operations.map((o) => [o.name, o.document] as const))('%s without a token: personal data refused with NON_AUTHENTIFIE', async (_name, document) => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const variables = document.includes('$ids') ? { ids: [id] } : document.includes('$id') ? { id } : document.includes('$orientation') ? { orientation: 'ORI-000001' } : {};
    federation.simulator.reset();
    const answer = await query(federation, document, variables, null);
    expect(answer.status).toBe(200);
    expect(answer.errors?.length).toBeGreaterThan(0);
    expect(new Set(answer.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['NON_AUTHENTIFIE']));
    expect(answer.raw).not.toMatch(/Delmas|Séverine|0412345/);
    // Nothing was asked of any partner's system.
    expect(Object.values(federation.simulator.stats()).every((calls) => calls === 0)).toBe(true);
  });
});
