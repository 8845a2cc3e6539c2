import { expect } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asAccueil, asAgent, asReferent, asUsager, nirsIn, query, startTestFederation, testCodec } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-referrals-'));
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation({ AUDIT_JOURNAL_PATH: path.join(dir, 'journal.jsonl') });
});
afterAll(async () => {
  await federation.stop();
  rmSync(dir, { recursive: true, force: true });
});

const franceTravail = () => asAgent('france-travail', 'accompagnement');
const caf = () => asAgent('caf', 'accompagnement');

const orienter = /* GraphQL */ `
  mutation ($id: ID!) {
    orienterUsager(usagerId: $id, vers: { codePartenaire: "france-travail" }, motif: EMPLOI, cleIdempotence: "e2e-referral-0001") {
      orientation {
        id
        statut
        cible {
          codePartenaire
          partenaire
        }
      }
    }
  }
`;
type Recues = {
  orientationsRecues: {
    totalCount: number;
    edges: Array<{ node: { orientation: { id: string; statut: string; motif: string }; usager: { id: string; identite: { nomNaissance: string } | null } } }>;
  };
};
const recues = /* GraphQL */ `
  {
    orientationsRecues(statut: PROPOSEE) {
      totalCount
      edges {
        node {
          orientation {
            id
            statut
            motif
          }
          usager {
            id
            identite {
              nomNaissance
            }
          }
        }
      }
    }
  }
`;
const accepter = 'mutation ($o: ID!) { accepterOrientation(id: $o, cleIdempotence: "e2e-accept-0001") { orientation { statut etapes { statut auteur } } rejoue } }';
const orientationsDe = '{ moi: usager(id: $id) { orientations { id statut dateStatut motifRefus etapes { statut auteur } } } }';
type Orientations = { moi: { orientations: Array<{ id: string; statut: string; dateStatut: string; motifRefus: string | null; etapes: Array<{ statut: string; auteur: string }> }> } };

describe('a referral to France Travail, from the reception desk to its closing', () => {
  it('is answered by France Travail only, seen by the usager and her référent, and audited', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const faite = await query<{ orienterUsager: { orientation: { id: string; statut: string; cible: unknown } } }>(federation, orienter, { id }, asAccueil());
    expect(faite.errors).toBeUndefined();
    const { orientation } = faite.data!.orienterUsager;
    expect(orientation).toEqual({ id: expect.any(String), statut: 'PROPOSEE', cible: { codePartenaire: 'france-travail', partenaire: 'FRANCE_TRAVAIL' } });

    // France Travail's inbox lists it, with the usager the agent may read.
    const boite = await query<Recues>(federation, recues, {}, franceTravail());
    expect(boite.errors).toBeUndefined();
    expect(boite.data!.orientationsRecues.edges.map((e) => e.node)).toContainEqual({
      orientation: { id: orientation.id, statut: 'PROPOSEE', motif: 'EMPLOI' },
      usager: { id, identite: { nomNaissance: 'Delmas' } },
    });
    expect(nirsIn(boite.raw)).toEqual([]);

    // The CAF's inbox does not; a CAF agent cannot accept it, and nothing changes.
    const boiteCaf = await query<Recues>(federation, recues, {}, caf());
    expect(boiteCaf.errors).toBeUndefined();
    expect(boiteCaf.data!.orientationsRecues.edges.map((e) => e.node.orientation.id)).not.toContain(orientation.id);
    const refusee = await query(federation, accepter, { o: orientation.id }, caf());
    expect(refusee.data).toEqual({ accepterOrientation: null });
    expect(refusee.errors?.map((e) => ({ code: e.extensions?.code, path: e.path }))).toEqual([{ code: 'ACCES_REFUSE', path: ['accepterOrientation'] }]);
    const inchangee = await query<Orientations>(federation, `query ($id: ID!) ${orientationsDe}`, { id }, asReferent('ref-001'));
    expect(inchangee.data!.moi.orientations.find((o) => o.id === orientation.id)?.statut).toBe('PROPOSEE');

    // France Travail accepts; a retry with the same key answers the same, changing nothing.
    const acceptee = await query(federation, accepter, { o: orientation.id }, franceTravail());
    expect(acceptee.errors).toBeUndefined();
    const etapes = [
      { statut: 'PROPOSEE', auteur: 'accueil CD12' },
      { statut: 'ACCEPTEE', auteur: 'agent FRANCE-TRAVAIL' },
    ];
    expect(acceptee.data).toEqual({ accepterOrientation: { orientation: { statut: 'ACCEPTEE', etapes }, rejoue: false } });
    const rejouee = await query(federation, accepter, { o: orientation.id }, franceTravail());
    expect(rejouee.data).toEqual({ accepterOrientation: { orientation: { statut: 'ACCEPTEE', etapes }, rejoue: true } });

    // Her référent and she herself read where it stands.
    for (const caller of [asReferent('ref-001'), asUsager(id)]) {
      const lue = await query<Orientations>(federation, `query ($id: ID!) ${orientationsDe}`, { id }, caller);
      expect(lue.errors).toBeUndefined();
      expect(lue.data!.moi.orientations.find((o) => o.id === orientation.id)).toEqual({
        id: orientation.id,
        statut: 'ACCEPTEE',
        dateStatut: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        motifRefus: null,
        etapes,
      });
    }

    // Accepting again is not a change from ACCEPTEE; closing it is.
    const encore = await query(federation, 'mutation ($o: ID!) { accepterOrientation(id: $o) { rejoue } }', { o: orientation.id }, franceTravail());
    expect(encore.errors?.map((e) => ({ code: e.extensions?.code, path: e.path }))).toEqual([{ code: 'TRANSITION_INVALIDE', path: ['accepterOrientation'] }]);
    const close = await query(federation, 'mutation ($o: ID!) { cloreOrientation(id: $o, issue: REALISEE) { orientation { statut } } }', { o: orientation.id }, franceTravail());
    expect(close.errors).toBeUndefined();
    expect(close.data).toEqual({ cloreOrientation: { orientation: { statut: 'REALISEE' } } });
    const finale = await query<Orientations>(federation, `query ($id: ID!) ${orientationsDe}`, { id }, asUsager(id));
    expect(finale.data!.moi.orientations.find((o) => o.id === orientation.id)?.statut).toBe('REALISEE');

    // Her access log shows France Travail's agent read her through the inbox.
    const journal = await query<{ monJournalDesAcces: Array<{ organisation: string; roles: string[]; finalite: string }> }>(
      federation,
      '{ monJournalDesAcces(premier: 200) { organisation roles finalite } }',
      {},
      asUsager(id),
    );
    expect(journal.errors).toBeUndefined();
    expect(journal.data!.monJournalDesAcces).toContainEqual({ organisation: 'FRANCE-TRAVAIL', roles: ['agent'], finalite: 'accompagnement' });
  });

  it('refuses the inbox to anyone but a partner agent', async () => {
    const answer = await query(federation, recues, {}, asAccueil());
    expect(answer.data).toEqual({ orientationsRecues: null });
    expect(answer.errors?.map((e) => ({ code: e.extensions?.code, path: e.path }))).toEqual([{ code: 'ACCES_REFUSE', path: ['orientationsRecues'] }]);
  });

  it('refuses a partner code no subgraph declares before anything runs', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const answer = await query(federation, 'mutation ($id: ID!) { orienterUsager(usagerId: $id, vers: { codePartenaire: "inconnu" }, motif: EMPLOI) { rejoue } }', { id }, asAccueil());
    expect(answer.errors?.map((e) => ({ code: e.extensions?.code, argument: e.extensions?.argument }))).toEqual([{ code: 'ARGUMENT_INVALIDE', argument: 'vers' }]);
    // Also when the code travels in a variable, inside the input object.
    const parVariable = await query(
      federation,
      'mutation ($id: ID!, $vers: CibleOrientationInput!) { orienterUsager(usagerId: $id, vers: $vers, motif: EMPLOI) { rejoue } }',
      { id, vers: { codePartenaire: 'inconnu' } },
      asAccueil(),
    );
    expect(parVariable.errors?.map((e) => ({ code: e.extensions?.code, argument: e.extensions?.argument }))).toEqual([{ code: 'ARGUMENT_INVALIDE', argument: 'vers' }]);
  });
});
