import { expectedLegacyCalls } from '../src/e2e/expectedLegacyCalls';
import { usagerFileFields } from '../src/e2e/fullFileQuery';
import { asReferent, asUsager, nirsIn, query, startTestFederation, testCodec } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());
afterEach(() => {
  for (const system of ['france-travail', 'departement']) federation.simulator.setKnobs(system, { down: false });
});

const caseloadQuery = /* GraphQL */ `
  query Portefeuille($referentId: ID!, $premier: Int, $apres: String, $orientation: TypeOrientation, $etatRsa: EtatRsaDepartement) {
    monPortefeuille(referentId: $referentId, premier: $premier, apres: $apres, orientation: $orientation, etatRsa: $etatRsa) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {${usagerFileFields}      } }
    }
  }
`;
type Node = Record<string, unknown> & { id: string; rsa: { etat: string; orientation: { type: string } | null } | null; referentDeParcours: { referent: { id: string } } | null };
type Caseload = { monPortefeuille: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: Node }> } | null };
const caseload = (variables: Record<string, unknown>) => query<Caseload>(federation, caseloadQuery, { referentId: 'ref-001', ...variables }, asReferent('ref-001'));
const personOf = (id: string) => federation.population.personneParNir.get(testCodec.decode(id)!)!;

describe('a référent’s caseload with every partner’s data', () => {
  it('serves 50 usagers of ref-001 with the file of every partner, without N+1: legacy calls per system bounded by its batch size', async () => {
    federation.simulator.reset();
    const answer = await caseload({ premier: 50 });
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    const page = answer.data!.monPortefeuille!;
    expect(page.edges).toHaveLength(50);
    expect(page.totalCount).toBeGreaterThan(50);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(nirsIn(answer.raw)).toEqual([]);
    // Every usager of the page is ref-001's, and every partner answered for someone.
    expect(page.edges.every((e) => e.node.referentDeParcours?.referent.id === 'ref-001')).toBe(true);
    for (const field of ['caf', 'franceTravail', 'cpam', 'carsat', 'logementSocial', 'hebergement', 'rsa', 'dossierPartage', 'synthese', 'presencePartenaires']) {
      expect([field, page.edges.some((e) => e.node[field] !== null)]).toEqual([field, true]);
    }

    const people = page.edges.map((e) => personOf(e.node.id));
    const stats = federation.simulator.stats();
    expect(stats).toEqual(expectedLegacyCalls(federation.population, people));
    // The acceptance bound: ceil(50 / batch size) per system, +1 for France Travail's two steps;
    // the Département: row authorization's facts and its fields (the summary's @requires round reuses the latter's read); one-person-per-call lookups (RAH, SIAO identity) are
    // bounded by the number of people.
    expect({
      sngi: stats.sngi,
      caf: stats.caf,
      cpam: stats.cpam,
      carsat: stats.carsat,
      msa: stats.msa,
      ah: stats.ah,
      'france-travail': stats['france-travail'],
      departement: stats.departement,
    }).toEqual({
      sngi: 1,
      caf: 1,
      cpam: 1,
      carsat: 2,
      msa: 1,
      ah: 1,
      'france-travail': 2,
      departement: 2,
    });
    expect(stats.rah).toBeLessThanOrEqual(50);
    expect(stats.siao).toBeLessThanOrEqual(1 + 50);
  });

  it('pages without overlap or gap, and the filters keep only matching usagers, with their totals', async () => {
    const first = (await caseload({ premier: 30 })).data!.monPortefeuille!;
    const second = (await caseload({ premier: 30, apres: first.pageInfo.endCursor })).data!.monPortefeuille!;
    const ids = [...first.edges, ...second.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(Math.min(60, first.totalCount));
    const all = (await caseload({ premier: 100 })).data!.monPortefeuille!;
    expect(all.edges.map((e) => e.node.id).slice(0, ids.length)).toEqual(ids);

    const social = (await caseload({ premier: 100, orientation: 'SOCIAL' })).data!.monPortefeuille!;
    expect(social.edges.length).toBeGreaterThan(0);
    expect(social.totalCount).toBe(all.edges.filter((e) => e.node.rsa?.orientation?.type === 'SOCIAL').length);
    expect(social.edges.every((e) => e.node.rsa?.orientation?.type === 'SOCIAL')).toBe(true);
    const suspended = (await caseload({ premier: 100, etatRsa: 'OUVERT_VERSE' })).data!.monPortefeuille!;
    expect(suspended.totalCount).toBe(all.edges.filter((e) => e.node.rsa?.etat === 'OUVERT_VERSE').length);
  });

  it('refuses another référent’s caseload, an unknown référent and a page size out of range with stable codes', async () => {
    const another = await caseload({ referentId: 'ref-002', premier: 10 });
    expect(another.data?.monPortefeuille ?? null).toBeNull();
    expect(another.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['monPortefeuille'], 'ACCES_REFUSE']]);
    const unknown = await query<Caseload>(federation, caseloadQuery, { referentId: 'ref-404', premier: 10 }, asReferent('ref-404'));
    expect(unknown.data?.monPortefeuille).toBeNull();
    expect(unknown.errors?.map((e) => e.extensions?.code)).toEqual(['OBJET_INTROUVABLE']);
    const tooMany = await caseload({ premier: 500 });
    expect(tooMany.data?.monPortefeuille).toBeNull();
    expect(tooMany.errors?.map((e) => [e.extensions?.code, e.extensions?.argument])).toEqual([['ARGUMENT_INVALIDE', 'premier']]);
  });
});

describe('one partner down: the rest of every file is intact', () => {
  it('France Travail down: franceTravail null for each usager with a coded error, every other partner and the summary still there', async () => {
    const reference = (await caseload({ premier: 20 })).data!.monPortefeuille!;
    federation.simulator.setKnobs('france-travail', { down: true });
    const answer = await caseload({ premier: 20 });
    expect(answer.status).toBe(200);
    const page = answer.data!.monPortefeuille!;
    expect(page.edges.map((e) => e.node.franceTravail)).toEqual(page.edges.map(() => null));
    expect(new Set(answer.errors?.map((e) => JSON.stringify(e.extensions)))).toEqual(new Set([JSON.stringify({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'france-travail', retryable: true })]));
    expect(answer.errors?.every((e) => e.path?.[0] === 'monPortefeuille' && e.path.includes('franceTravail'))).toBe(true);
    for (const [i, edge] of page.edges.entries()) {
      const before = reference.edges[i]!.node;
      for (const field of ['identite', 'caf', 'cpam', 'carsat', 'logementSocial', 'hebergement', 'rsa', 'referentDeParcours', 'dossierPartage']) {
        expect(edge.node[field]).toEqual(before[field]);
      }
      // The summary is computed from what the partners gave: without France Travail, no ARE/ASS line.
      const withoutChomage = (before.synthese as { droitsOuverts: Array<{ droit: string }> }).droitsOuverts.filter((d) => d.droit !== 'ARE' && d.droit !== 'ASS');
      expect((edge.node.synthese as { droitsOuverts: unknown[] }).droitsOuverts).toEqual(withoutChomage);
    }
    expect(answer.raw).not.toMatch(/127\.0\.0\.1|localhost|legacy/);
  });

  it('the Département down: the caseload itself cannot be listed, and says so with the partner’s name', async () => {
    federation.simulator.setKnobs('departement', { down: true });
    const answer = await caseload({ premier: 5 });
    expect(answer.status).toBe(200);
    expect(answer.data?.monPortefeuille).toBeNull();
    expect(answer.errors).toEqual([expect.objectContaining({ path: ['monPortefeuille'], extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'departement', retryable: true } })]);
  });

  it('the Département down: the usager’s own file keeps every other partner, with errors on the Département’s fields only', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    federation.simulator.setKnobs('departement', { down: true });
    const answer = await query<{ usager: Record<string, unknown> }>(federation, `query($id: ID!) { usager(id: $id) {${usagerFileFields}} }`, { id }, asUsager(id));
    expect(answer.status).toBe(200);
    const usager = answer.data!.usager;
    for (const field of ['rsa', 'referentDeParcours', 'dossierPartage', 'synthese']) expect([field, usager[field]]).toEqual([field, null]);
    expect(usager.caf).toMatchObject({ numeroAllocataire: '0412345' });
    expect(usager.franceTravail).toMatchObject({ identifiant: '0411723K' });
    expect(usager.presencePartenaires).toMatchObject({ caf: true, franceTravail: true });
    expect(new Set(answer.errors?.map((e) => (e.extensions as { partenaire?: string }).partenaire))).toEqual(new Set(['departement']));
  });

  it('the Département down: a référent is refused the file (who may see whom cannot be known: fail closed)', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    federation.simulator.setKnobs('departement', { down: true });
    federation.simulator.reset();
    const answer = await query<{ usager: unknown }>(federation, 'query($id: ID!) { usager(id: $id) { caf { quotientFamilial } } }', { id }, asReferent('ref-001'));
    expect(answer.status).toBe(200);
    expect(answer.data?.usager ?? null).toBeNull();
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usager'], 'ACCES_REFUSE']]);
    expect(federation.simulator.stats().caf).toBe(0);
  });
});
