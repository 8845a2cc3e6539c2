import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asAccueil, asReferent, nirsIn, query, startTestFederation, testCodec, type TestCaller } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
/** Each operation of each graphql block of the README, cut out of its block (a block may hold several). */
const operations = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((m) => {
  const block = m[1]!;
  const starts = [...block.matchAll(/^(?:query|mutation) (\w+)/gm)];
  return starts.map((op, i) => ({ name: op[1]!, document: block.slice(op.index, starts[i + 1]?.index ?? block.length) }));
});

/** Who runs each README example, as the README says: the référent of rsa-isolee, or a reception agent for the search. */
const callerOf: Record<string, () => TestCaller> = {
  DossierComplet: () => asReferent('ref-001'),
  Liste: () => asReferent('ref-001'),
  Recherche: asAccueil,
  Portefeuille: () => asReferent('ref-001'),
  Synthese: () => asReferent('ref-001'),
  NouvelObjectif: () => asReferent('ref-001'),
  Orienter: () => asReferent('ref-001'),
  Presence: () => asReferent('ref-001'),
};

describe('every example operation of the README, with a token of the role it names', () => {
  it('covers every example', () => {
    expect(operations.map((o) => o.name).sort()).toEqual(Object.keys(callerOf).sort());
  });

  it.each(operations.map((o) => [o.name, o.document] as const))('%s answers without error and without a NIR', async (name, document) => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const ids = [id, testCodec.encode(federation.population.persona('sans-domicile').nir)];
    const variables = document.includes('$ids') ? { ids } : document.includes('$id') ? { id } : {};
    const answer = await query(federation, document, variables, callerOf[name]!());
    expect(answer.status).toBe(200);
    expect([name, answer.errors]).toEqual([name, undefined]);
    expect(answer.data).not.toBeNull();
    expect(nirsIn(answer.raw)).toEqual([]);
  });

  it.each(operations.map((o) => [o.name, o.document] as const))('%s without a token: personal data refused with NON_AUTHENTIFIE', async (_name, document) => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const variables = document.includes('$ids') ? { ids: [id] } : document.includes('$id') ? { id } : {};
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
