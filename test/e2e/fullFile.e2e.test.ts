import type { PersonaKey } from '@passerelle/mocks';
import { fullFileQuery } from '../src/e2e/fullFileQuery';
import { asAccueil, asUsager, nirsIn, query, startTestFederation, testCodec } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';
import { expectedAgencyFiles } from './expectedAgencyFiles';
import { expectedFiles } from './expectedFiles';

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

type Dossier = { usager: Record<string, unknown> & { logementSocial: { bailleurs: Array<{ bailleur: { code: string } } | null> } | null } };

describe('the full file of every persona across every partner, as the usager reads it, with its summary and presence, over real HTTP', () => {
  it.each(Object.keys(expectedFiles) as PersonaKey[])('%s', async (key) => {
    const persona = federation.population.persona(key);
    // The usager reads their own file: every partner's data about them.
    const answer = await query<Dossier>(federation, fullFileQuery, { id: testCodec.encode(persona.nir) }, asUsager(testCodec.encode(persona.nir)));
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    const expected = expectedFiles[key];
    const usager = answer.data!.usager;
    expect(usager.id).toBe(testCodec.encode(persona.nir));
    expect(usager.identite).toMatchObject(expected.identite);
    for (const partner of ['caf', 'cpam', 'carsat'] as const) {
      if (expected[partner] === null) expect(usager[partner]).toBeNull();
      else expect(usager[partner]).toMatchObject(expected[partner]);
    }
    if (expected.logementSocial === null) expect(usager.logementSocial).toBeNull();
    else {
      const byCode = Object.fromEntries((usager.logementSocial?.bailleurs ?? []).map((b) => [b!.bailleur.code, b]));
      expect(byCode).toMatchObject(expected.logementSocial);
    }
    const agency = expectedAgencyFiles[key];
    for (const partner of ['msa', 'franceTravail', 'hebergement', 'rsa'] as const) {
      if (agency[partner] === null) expect(usager[partner]).toBeNull();
      else expect(usager[partner]).toMatchObject(agency[partner]);
    }
    expect((usager.referentDeParcours as { referent: { id: string } } | null)?.referent.id ?? null).toBe(agency.referent);
    const synthese = usager.synthese as { droitsOuverts: Array<{ droit: string; partenaire: string; montantMensuel: number | null }>; alertes: Array<{ type: string; partenaire: string }> };
    expect(synthese.droitsOuverts.map((d) => `${d.droit} ${d.partenaire} ${d.montantMensuel}`)).toEqual(agency.droitsOuverts);
    expect(synthese.alertes.map((a) => `${a.type} ${a.partenaire}`)).toEqual(agency.alertes);
    const presence = usager.presencePartenaires as Record<string, boolean | null>;
    expect(Object.keys(presence).filter((partner) => presence[partner] === true)).toEqual(agency.presence);
    // No NIR anywhere in the answer, neither this persona's nor any other.
    expect(answer.raw).not.toContain(persona.nir);
    expect(nirsIn(answer.raw)).toEqual([]);
  });

  it('cannot select the NIR: it is not part of the API schema', async () => {
    const answer = await query(federation, 'query($id: ID!) { usager(id: $id) { nir } }', { id: testCodec.encode(federation.population.persona('rsa-isolee').nir) });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(nirsIn(answer.raw)).toEqual([]);
  });

  it('finds a persona by pivot identity and by NIR, and both give the same id', async () => {
    const persona = federation.population.persona('ne-en-corse');
    const search = await query<{ rechercherUsagers: Array<{ usager: { id: string }; score: number }> }>(
      federation,
      'query { rechercherUsagers(identite: { nomNaissance: "SANTONI", prenoms: ["antoine"], dateNaissance: "1990-07-02" }) { score usager { id } } }',
      {},
      asAccueil(),
    );
    const byNir = await query<{ usagerParNir: { id: string } }>(federation, 'query($nir: String!) { usagerParNir(nir: $nir) { id } }', { nir: persona.nir }, asAccueil());
    expect(search.data?.rechercherUsagers[0]?.usager.id).toBe(testCodec.encode(persona.nir));
    expect(byNir.data?.usagerParNir.id).toBe(testCodec.encode(persona.nir));
  });
});
