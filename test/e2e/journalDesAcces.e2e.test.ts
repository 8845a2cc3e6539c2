import { expect } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asAccueil, asReferent, asUsager, query, startTestFederation, testCodec } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-journal-'));
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation({ AUDIT_JOURNAL_PATH: path.join(dir, 'journal.jsonl') });
});
afterAll(async () => {
  await federation.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Acces = { organisation: string; roles: string[]; finalite: string; date: string };
const journal = /* GraphQL */ `
  {
    monJournalDesAcces {
      organisation
      roles
      finalite
      date
    }
  }
`;

describe('monJournalDesAcces through the gateway', () => {
  it('shows a usager that her référent read her file, and shows it to nobody else', async () => {
    const rsaIsolee = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const autre = testCodec.encode(federation.population.persona('sans-domicile').nir);
    const before = Date.now();

    const lecture = await query(federation, 'query($id: ID!) { usager(id: $id) { identite { nomNaissance } } }', { id: rsaIsolee }, asReferent('ref-001'));
    expect(lecture.errors).toBeUndefined();

    const sien = await query<{ monJournalDesAcces: Acces[] }>(federation, journal, {}, asUsager(rsaIsolee));
    expect(sien.errors).toBeUndefined();
    const parReferent = sien.data!.monJournalDesAcces.filter((a) => a.organisation === 'CD12');
    expect(parReferent).toEqual([{ organisation: 'CD12', roles: ['referent'], finalite: 'accompagnement', date: expect.any(String) }]);
    expect(Date.parse(parReferent[0]!.date)).toBeGreaterThanOrEqual(before - 1000);
    // Who read it, never which agent: the référent's account id is not in the answer.
    expect(sien.raw).not.toContain('ref-001');
    expect(sien.raw).not.toContain('agent-referent');

    const autrui = await query<{ monJournalDesAcces: Acces[] }>(federation, journal, {}, asUsager(autre));
    expect(autrui.errors).toBeUndefined();
    expect(autrui.data!.monJournalDesAcces).toEqual([]);
  });

  it('is refused to a référent (usagers only)', async () => {
    const answer = await query(federation, journal, {}, asReferent('ref-001'));
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['ACCES_REFUSE']);
  });

  /** How many of the usager's journal entries an organisation, acting in this role, left. */
  async function entries(usagerId: string, role: string): Promise<number> {
    const answer = await query<{ monJournalDesAcces: Acces[] }>(federation, '{ monJournalDesAcces(premier: 200) { organisation roles finalite date } }', {}, asUsager(usagerId));
    expect(answer.errors).toBeUndefined();
    return answer.data!.monJournalDesAcces.filter((a) => a.roles.includes(role)).length;
  }

  it('records a read whose id is written in the document, not passed in variables', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const before = await entries(id, 'referent');
    const inline = await query(federation, `{ usager(id: "${id}") { identite { nomNaissance } } }`, {}, asReferent('ref-001'));
    expect(inline.errors).toBeUndefined();
    expect(await entries(id, 'referent')).toBe(before + 1);
  });

  it('records the usagers a search returned to a reception agent', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const before = await entries(id, 'accueil');
    const search = await query<{ rechercherUsagers: Array<{ usager: { id: string } }> }>(
      federation,
      '{ rechercherUsagers(identite: { nomNaissance: "DELMAS", prenoms: ["Severine"], dateNaissance: "1986-04-17" }) { usager { id } } }',
      {},
      asAccueil(),
    );
    expect(search.errors).toBeUndefined();
    expect(search.data!.rechercherUsagers.map((c) => c.usager.id)).toContain(id);
    expect(await entries(id, 'accueil')).toBe(before + 1);
  });

  it('records every usager of a caseload page a référent read', async () => {
    const page = await query<{ monPortefeuille: { edges: Array<{ node: { id: string } }> } }>(
      federation,
      '{ monPortefeuille(referentId: "ref-001", premier: 5) { edges { node { id } } } }',
      {},
      asReferent('ref-001'),
    );
    expect(page.errors).toBeUndefined();
    const ids = page.data!.monPortefeuille.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThan(1);
    const counts = await Promise.all(ids.map((id) => entries(id, 'referent')));
    const again = await query(federation, '{ monPortefeuille(referentId: "ref-001", premier: 5) { edges { node { id } } } }', {}, asReferent('ref-001'));
    expect(again.errors).toBeUndefined();
    expect(await Promise.all(ids.map((id) => entries(id, 'referent')))).toEqual(counts.map((n) => n + 1));
  });
});
