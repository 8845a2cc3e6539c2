import { randomBytes } from 'node:crypto';
import { createPopulation, legacySystem, postGraphQL, testUrlOf, useSubgraphTestBed } from '@passerelle/mocks';
import { normalizeName, pseudonyme, silentLogger, type Caller } from '@passerelle/subgraph-kit';
import { createServer, loadBailleursConfig } from '../src/index';

const population = createPopulation();
const bed = useSubgraphTestBed({
  population,
  systems: ['rah', 'ah'],
  start: () =>
    createServer(
      loadBailleursConfig({
        BAILLEURS_PORT: '0',
        BAILLEURS_RAH_LEGACY_URL: testUrlOf('rah'),
        BAILLEURS_RAH_LEGACY_API_KEY: legacySystem('rah').devApiKey,
        BAILLEURS_AH_LEGACY_URL: testUrlOf('ah'),
        BAILLEURS_AH_LEGACY_API_KEY: legacySystem('ah').devApiKey,
      }),
      silentLogger,
    ),
});

const analyste: Caller = { subject: 'a-1', kind: 'agent', roles: ['analyste'], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null };
const ask = (cle: string, mois = '2026-10') =>
  postGraphQL<{ pseudonymesBailleurs: string[] }>(
    bed.server,
    'query ($mois: String!, $cle: String!) { pseudonymesBailleurs(critere: IMPAYE, mois: $mois, cle: $cle) }',
    { mois, cle },
    { appel: { caller: analyste, finalite: 'statistique' } },
  );

describe("the landlords' pseudonyms for crossings", () => {
  it('hash the normalised identity of the tenants in arrears at both landlords, as typed (no NIR)', async () => {
    const cle = randomBytes(32).toString('base64url');
    const answer = await ask(cle);
    expect(answer.errors).toBeUndefined();
    const titulaires = population.baux.filter((b) => b.moisImpayes > 0 && b.dateEntree <= '2026-10-31').flatMap((b) => b.titulaires);
    const expected = [...new Set(titulaires.map((t) => pseudonyme(Buffer.from(cle, 'base64url'), `PIVOT|${normalizeName(t.nom)}|${normalizeName(t.prenom)}|${t.dateNaissance}`)))].sort();
    expect(answer.data!.pseudonymesBailleurs).toEqual(expected);
    expect(bed.calls('rah').count() + bed.calls('ah').count()).toBe(2);
  });

  it('differ from one key to the next', async () => {
    const [a, b] = await Promise.all([ask(randomBytes(32).toString('base64url')), ask(randomBytes(32).toString('base64url'))]);
    expect(a.data!.pseudonymesBailleurs.filter((p) => b.data!.pseudonymesBailleurs.includes(p))).toEqual([]);
  });
});
