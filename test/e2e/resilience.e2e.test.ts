import { fullFileQuery } from '../src/e2e/fullFileQuery';
import { asUsager, query, startTestFederation, testCodec } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation({ CAF_LEGACY_TIMEOUT_MS: '300' });
});
afterAll(() => federation.stop());
afterEach(() => {
  for (const system of ['caf', 'cpam', 'rah']) federation.simulator.setKnobs(system, { down: false, latencyMs: 0 });
});

type File = { usager: { identite: unknown; caf: unknown; cpam: unknown; carsat: unknown; logementSocial: { bailleurs: Array<{ bailleur: { code: string }; baux: unknown[] } | null> } | null } };
// Each persona reads their own file (the usager role sees every partner's data about themself).
const fileOf = (key: 'rsa-isolee' | 'couple-parent-1') => {
  const id = testCodec.encode(federation.population.persona(key).nir);
  return query<File>(federation, fullFileQuery, { id }, asUsager(id));
};

describe('a partner that is down costs its own fields, never the answer', () => {
  it('CPAM’s system down: HTTP 200, cpam null with a coded error naming the partner, the rest intact', async () => {
    federation.simulator.setKnobs('cpam', { down: true });
    const answer = await fileOf('rsa-isolee');
    expect(answer.status).toBe(200);
    expect(answer.data?.usager.cpam).toBeNull();
    expect(answer.data?.usager.caf).toMatchObject({ numeroAllocataire: '0412345' });
    expect(answer.data?.usager.carsat).toMatchObject({ trimestresValides: 52 });
    expect(answer.errors).toEqual([{ message: 'The cpam system is unavailable.', path: ['usager', 'cpam'], extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'cpam', retryable: true } }]);
    expect(answer.raw).not.toMatch(/127\.0\.0\.1|localhost|legacy/);
  });

  it('CAF’s system too slow: PARTENAIRE_DELAI_DEPASSE, retryable', async () => {
    federation.simulator.setKnobs('caf', { latencyMs: 2_000 });
    const answer = await fileOf('rsa-isolee');
    expect(answer.status).toBe(200);
    expect(answer.data?.usager.caf).toBeNull();
    expect(answer.data?.usager.cpam).not.toBeNull();
    expect(answer.errors?.map((e) => e.extensions)).toEqual([{ code: 'PARTENAIRE_DELAI_DEPASSE', partenaire: 'caf', retryable: true }]);
  });

  it('one landlord down: its entry is null with an error naming it, the other landlord’s lease is intact', async () => {
    federation.simulator.setKnobs('rah', { down: true });
    const answer = await fileOf('couple-parent-1');
    expect(answer.status).toBe(200);
    const bailleurs = answer.data?.usager.logementSocial?.bailleurs ?? [];
    expect(bailleurs.filter((b) => b === null)).toHaveLength(1);
    expect(bailleurs.find((b) => b?.bailleur.code === 'AH')?.baux).toEqual([expect.objectContaining({ reference: 'AH/12176/0932' })]);
    expect(answer.errors?.map((e) => e.extensions)).toEqual([{ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'rah', retryable: true }]);
  });

  it('a whole subgraph stopped: HTTP 200, its fields null, an error naming it, every other partner intact', async () => {
    await federation.stopSubgraph('caf');
    const answer = await fileOf('rsa-isolee');
    expect(answer.status).toBe(200);
    expect(answer.data?.usager.caf).toBeNull();
    expect(answer.data?.usager.identite).toMatchObject({ nomNaissance: 'Delmas' });
    expect(answer.data?.usager.cpam).toMatchObject({ c2s: { statut: 'SANS_PARTICIPATION' } });
    expect(answer.data?.usager.carsat).toMatchObject({ trimestresValides: 52 });
    expect(answer.data?.usager.logementSocial?.bailleurs.find((b) => b?.bailleur.code === 'RAH')?.baux).toHaveLength(1);
    expect(answer.errors).toEqual([{ message: 'The caf subgraph is unavailable.', path: ['usager'], extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true } }]);
  });
});
