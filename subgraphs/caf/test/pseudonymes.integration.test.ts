import { randomBytes } from 'node:crypto';
import { createPopulation, legacySystem, postGraphQL, testUrlOf, useSubgraphTestBed } from '@passerelle/mocks';
import { pseudonyme, silentLogger, type Caller } from '@passerelle/subgraph-kit';
import { createServer, loadCafConfig } from '../src/index';

const population = createPopulation();
const bed = useSubgraphTestBed({
  population,
  systems: ['caf'],
  start: () => createServer(loadCafConfig({ CAF_PORT: '0', CAF_LEGACY_URL: testUrlOf('caf'), CAF_LEGACY_API_KEY: legacySystem('caf').devApiKey }), silentLogger),
});

const analyste: Caller = { subject: 'a-1', kind: 'agent', roles: ['analyste'], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null };
const referent: Caller = { ...analyste, roles: ['referent'], referentId: 'ref-001' };
const cle = () => randomBytes(32).toString('base64url');
const ask = (variables: Record<string, unknown>, caller: Caller = analyste, finalite: 'statistique' | 'accompagnement' = 'statistique') =>
  postGraphQL<{ pseudonymesCaf: string[] }>(
    bed.server,
    'query ($critere: CriterePseudonymesCaf!, $mois: String!, $jointure: JointurePseudonymes!, $cle: String!) { pseudonymesCaf(critere: $critere, mois: $mois, jointure: $jointure, cle: $cle) }',
    { critere: 'RSA_OUVERT', mois: '2026-10', jointure: 'NIR', ...variables },
    { appel: { caller, finalite } },
  );

describe("the CAF's pseudonyms for crossings", () => {
  it('are keyed hashes of the NIRs its system selects: never a NIR, the key never echoed', async () => {
    const key = cle();
    const answer = await ask({ cle: key });
    expect(answer.errors).toBeUndefined();
    const list = answer.data!.pseudonymesCaf;
    const rsa = population.caf.filter((d) => d.droits.some((r) => r.prestation === 'RSA' && r.dateDebut <= '2026-10-31' && [2, 3, 4].includes(r.etatRsa ?? 0)));
    const expected = rsa.map((d) => pseudonyme(Buffer.from(key, 'base64url'), `NIR|${population.personneParRef.get(d.allocataire)!.nir}`)).sort();
    expect(list).toEqual(expected);
    const text = JSON.stringify(answer);
    expect(text.match(/[12]\d{4}(?:2A|2B|\d{2})\d{8}/g)).toBeNull();
    expect(text).not.toContain(key);
  });

  it('differ from one key to the next, and by join key', async () => {
    const [a, b, pivot] = await Promise.all([ask({ cle: cle() }), ask({ cle: cle() }), ask({ cle: cle(), jointure: 'IDENTITE_PIVOT' })]);
    const [la, lb, lp] = [a, b, pivot].map((x) => x.data!.pseudonymesCaf) as [string[], string[], string[]];
    expect(la.length).toBe(lb.length);
    expect(la.filter((p) => lb.includes(p))).toEqual([]);
    // One pivot per name the CAF holds (birth name, and usage name when there is one), none equal to a NIR's.
    expect(lp.length).toBeGreaterThanOrEqual(la.length);
    expect(lp.filter((p) => la.includes(p))).toEqual([]);
  });

  it('are none for a month no one met the criterion in', async () => {
    const answer = await ask({ cle: cle(), mois: '2015-01' });
    expect(answer).toEqual({ data: { pseudonymesCaf: [] } });
  });

  it('are refused to anyone but an analyst, and with a malformed key, naming the problem', async () => {
    const refused = await ask({ cle: cle() }, referent, 'accompagnement');
    expect(refused.errors?.map((e) => ({ path: e.path, ...e.extensions }))).toEqual([{ path: ['pseudonymesCaf'], code: 'ACCES_REFUSE', partenaire: 'caf', retryable: false }]);
    const badKey = await ask({ cle: 'short' });
    expect(badKey.errors?.map((e) => ({ path: e.path, ...e.extensions }))).toEqual([{ path: ['pseudonymesCaf'], code: 'ARGUMENT_INVALIDE', partenaire: 'caf', argument: 'cle', retryable: false }]);
  });
});
