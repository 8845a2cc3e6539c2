import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import { asAccueil, asReferent, asUsager, nirsIn, query, startTestFederation, testCodec } from '../src/e2e/testFederation';

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const evenement = 'EVT-2611-04';
const inscrire = /* GraphQL */ `
  mutation ($id: ID!, $e: ID!) {
    inscrireTiersLieu(usagerId: $id, evenementId: $e, cleIdempotence: "e2e-tiers-lieu-0001") {
      rejoue
      inscription {
        statut
        auteur
        evenement {
          id
          placesRestantes
        }
      }
    }
  }
`;
const annuler = 'mutation ($id: ID!, $e: ID!) { annulerInscriptionTiersLieu(usagerId: $id, evenementId: $e) { inscription { statut auteur evenement { placesRestantes } } } }';
const places = async () =>
  (await query<{ evenementsTiersLieu: Array<{ id: string; placesRestantes: number }> }>(federation, '{ evenementsTiersLieu { id placesRestantes } }', {}, asAccueil())).data!.evenementsTiersLieu.find(
    (e) => e.id === evenement,
  )?.placesRestantes;
type Inscriptions = { usager: { inscriptionsTiersLieu: Array<{ statut: string; presence: string | null; evenement: { id: string; titre: string } }> } };
const sesInscriptions = 'query ($id: ID!) { usager(id: $id) { inscriptionsTiersLieu { statut presence evenement { id titre } } } }';

describe("a sign-up to a tiers-lieu's event", () => {
  it('is made at the reception desk, takes a seat, is seen and cancelled by the usager herself', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const avant = await places();
    expect(avant).toBeGreaterThan(0);

    const faite = await query(federation, inscrire, { id, e: evenement }, asAccueil());
    expect(faite.errors).toBeUndefined();
    expect(faite.data).toEqual({ inscrireTiersLieu: { rejoue: false, inscription: { statut: 'INSCRITE', auteur: 'accueil CD12', evenement: { id: evenement, placesRestantes: avant! - 1 } } } });
    expect(await places()).toBe(avant! - 1);
    expect(nirsIn(faite.raw)).toEqual([]);

    // She and her référent see it in her file.
    for (const caller of [asUsager(id), asReferent('ref-001')]) {
      const lue = await query<Inscriptions>(federation, sesInscriptions, { id }, caller);
      expect(lue.errors).toBeUndefined();
      expect(lue.data!.usager.inscriptionsTiersLieu).toEqual([{ statut: 'INSCRITE', presence: null, evenement: { id: evenement, titre: expect.any(String) } }]);
    }

    // She cancels it herself (the gateway lets a usager name only herself): the seat is free again.
    const annulee = await query(federation, annuler, { id, e: evenement }, asUsager(id));
    expect(annulee.errors).toBeUndefined();
    expect(annulee.data).toEqual({ annulerInscriptionTiersLieu: { inscription: { statut: 'ANNULEE', auteur: 'accueil CD12', evenement: { placesRestantes: avant } } } });
    expect(await places()).toBe(avant);
  });

  it('is refused to a référent who does not follow her, and to another usager, with nothing recorded', async () => {
    const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const avant = await places();
    const autre = testCodec.encode(federation.population.persona('nom-usage').nir);
    for (const caller of [asReferent('ref-007'), asUsager(autre)]) {
      const refusee = await query(federation, inscrire.replace('e2e-tiers-lieu-0001', 'e2e-tiers-lieu-0002'), { id, e: evenement }, caller);
      expect(refusee.data).toEqual({ inscrireTiersLieu: null });
      expect(refusee.errors?.map((e) => ({ code: e.extensions?.code, path: e.path }))).toEqual([{ code: 'ACCES_REFUSE', path: ['inscrireTiersLieu'] }]);
    }
    expect(await places()).toBe(avant);
    const lue = await query<Inscriptions>(federation, sesInscriptions, { id }, asUsager(id));
    expect(lue.data!.usager.inscriptionsTiersLieu.map((i) => i.statut)).toEqual(['ANNULEE']);
  });
});
