import { fullFileQuery, usagerFileFields } from '../src/e2e/fullFileQuery';
import { asAccueil, asReferent, asUsager, nirsIn, query, startTestFederation, testCodec } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

const lines: string[] = [];
const personaKeys = () => federation.population.personas.map((p) => p.key);
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation({}, (line) => lines.push(line));
});
afterAll(() => federation.stop());

describe('no NIR and no name in any response or log line, whatever happens', () => {
  it('holds over every persona’s file, a caseload, searches, refusals, bad input and a partner down', async () => {
    const bodies: string[] = [];
    const keep = (answer: { raw: string }) => bodies.push(answer.raw);
    for (const key of personaKeys()) {
      const id = testCodec.encode(federation.population.persona(key).nir);
      keep(await query(federation, fullFileQuery, { id }, asUsager(id)));
      keep(await query(federation, fullFileQuery, { id }, asReferent('ref-001')));
    }
    keep(await query(federation, `query { monPortefeuille(referentId: "ref-001", premier: 20) { edges { node { ${usagerFileFields} } } } }`, {}, asReferent('ref-001')));
    keep(
      await query(
        federation,
        'query { rechercherUsagers(identite: { nomNaissance: "martin", prenoms: ["jean"], dateNaissance: "1985-03-14" }) { score usager { id identite { nomNaissance } } } }',
        {},
        asAccueil(),
      ),
    );
    const persona = federation.population.persona('ne-en-corse');
    keep(await query(federation, 'query($nir: String!) { usagerParNir(nir: $nir) { id } }', { nir: `${persona.nir.slice(0, 13)}00` }, asAccueil()));
    keep(await query(federation, 'query($id: ID!) { usager(id: $id) { caf { quotientFamilial } } }', { id: 'u_forged-id-0000000000000000' }, asReferent('ref-001')));
    federation.simulator.setKnobs('caf', { down: true });
    keep(await query(federation, fullFileQuery, { id: testCodec.encode(federation.population.persona('rsa-isolee').nir) }, asReferent('ref-001')));
    federation.simulator.setKnobs('caf', { down: false });

    const names = personaKeys()
      .flatMap((key) => [federation.population.persona(key).nomNaissance])
      .filter((name) => name.length > 3);
    const logs = lines.join('');
    expect(lines.length).toBeGreaterThan(0);
    expect(nirsIn(logs)).toEqual([]);
    // The loggers mask anything NIR-shaped as a last resort: nothing should have needed it.
    expect(logs).not.toContain('[NIR]');
    for (const name of names) expect([name, logs.includes(name)]).toEqual([name, false]);
    for (const body of bodies) expect(nirsIn(body)).toEqual([]);
  });
});
