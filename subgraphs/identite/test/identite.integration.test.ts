import { expect } from '@jest/globals';
import { createPopulation, legacySystem, postGraphQL, testUrlOf, useSubgraphTestBed } from '@passerelle/mocks';
import { createUsagerIdCodec, silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadIdentiteConfig } from '../src/index';

const secret = 'test-secret-of-sufficient-length';
const codec = createUsagerIdCodec(secret);
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['sngi', 'rip'],
  start: () =>
    createServer(
      loadIdentiteConfig({
        IDENTITE_PORT: '0',
        IDENTITE_LEGACY_URL: testUrlOf('sngi'),
        IDENTITE_LEGACY_API_KEY: legacySystem('sngi').devApiKey,
        IDENTITE_RIP_LEGACY_URL: testUrlOf('rip'),
        IDENTITE_RIP_LEGACY_API_KEY: legacySystem('rip').devApiKey,
        USAGER_ID_SECRET: secret,
      }),
      silentLogger,
    ),
});

const gql = (query: string, variables: Record<string, unknown> = {}) => postGraphQL(bed.server, query, variables);

describe('identite subgraph', () => {
  it('resolves a usager by opaque id with the civil identity of the register', async () => {
    const persona = population.persona('nom-usage');
    const result = await gql('query($id: ID!) { usager(id: $id) { id identite { nomNaissance nomUsage prenoms sexe dateNaissance lieuNaissance { code libelle estNeALEtranger } } } }', {
      id: codec.encode(persona.nir),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.usager).toEqual({
      id: codec.encode(persona.nir),
      identite: {
        nomNaissance: 'Fabré',
        nomUsage: 'Rouquette',
        prenoms: ['Marie-Hélène', 'Odette'],
        sexe: 'F',
        dateNaissance: '1979-11-23',
        lieuNaissance: { code: '12145', libelle: 'Millau', estNeALEtranger: false },
      },
    });
  });

  it('refuses a forged id with IDENTIFIANT_USAGER_INVALIDE and no personal data in the message', async () => {
    const forged = createUsagerIdCodec('another-secret-of-enough-length').encode(population.persona('rsa-isolee').nir);
    const result = await gql('query($id: ID!) { usager(id: $id) { id } }', { id: forged });
    expect(result.data?.usager).toBeNull();
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'IDENTIFIANT_USAGER_INVALIDE', argument: 'id', retryable: false });
  });

  it.each([
    ['too short', '28604122020', 'The NIR is malformed (expected 15 characters: 13 + a 2-digit key).'],
    ['wrong key', '286041220201399', 'The NIR control key is wrong.'],
  ])('rejects a NIR that is %s with NIR_INVALIDE', async (_case, nir, message) => {
    const result = await gql('query($nir: String!) { usagerParNir(nir: $nir) { id } }', { nir });
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'NIR_INVALIDE', argument: 'nir', retryable: false }, path: ['usagerParNir'] });
    expect(JSON.stringify(result)).not.toContain(nir);
  });

  it('finds a Corsican-born usager by NIR (2A key)', async () => {
    const persona = population.persona('ne-en-corse');
    expect(persona.nir.slice(5, 7)).toBe('2A');
    const result = await gql('query($nir: String!) { usagerParNir(nir: $nir) { id identite { lieuNaissance { code } } } }', { nir: persona.nir });
    expect(result.data?.usagerParNir).toEqual({ id: codec.encode(persona.nir), identite: { lieuNaissance: { code: '2A004' } } });
  });

  it('answers usagers(ids:) in order with null for unknown ids and one register call for the batch', async () => {
    const people = population.personnes.slice(0, 120);
    const unknown = codec.encode('299999999999905');
    const ids = [...people.map((p) => codec.encode(p.nir)), unknown];
    const result = await gql('query($ids: [ID!]!) { usagers(ids: $ids) { id } }', { ids });
    const usagers = result.data?.usagers as Array<{ id: string } | null>;
    expect(usagers).toHaveLength(121);
    expect(usagers.slice(0, 120).map((u) => u?.id)).toEqual(ids.slice(0, 120));
    expect(usagers[120]).toBeNull();
    expect(bed.calls('sngi').count()).toBe(2); // 121 distinct NIRs, batches of 100
  });

  it('rejects more than 200 ids', async () => {
    const result = await gql('query($ids: [ID!]!) { usagers(ids: $ids) { id } }', { ids: Array.from({ length: 201 }, () => 'u_x') });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'ARGUMENT_INVALIDE', argument: 'ids', retryable: false });
  });

  it('searches by pivot identity, tolerant to accents, case and hyphens, best first', async () => {
    const persona = population.persona('nom-usage');
    const result = await gql('query($i: IdentitePivotInput!) { rechercherUsagers(identite: $i) { usager { id } score criteres } }', {
      i: { nomNaissance: 'ROUQUETTE', prenoms: ['marie helene'], dateNaissance: '1979-11-23' },
    });
    const candidates = result.data?.rechercherUsagers as Array<{ usager: { id: string }; score: number; criteres: string[] }>;
    expect(candidates[0]).toEqual({
      usager: { id: codec.encode(persona.nir) },
      score: expect.any(Number),
      criteres: ['NOM_USAGE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'],
    });
    expect(candidates[0]!.score).toBeGreaterThanOrEqual(0.95);
  });

  it('returns both homonyms born the same day with equal scores', async () => {
    const result = await gql('query($i: IdentitePivotInput!) { rechercherUsagers(identite: $i) { usager { id } score } }', {
      i: { nomNaissance: 'Martin', prenoms: ['Jean'], dateNaissance: '1985-03-14', sexe: 'M' },
    });
    const candidates = result.data?.rechercherUsagers as Array<{ usager: { id: string }; score: number }>;
    const ids = candidates.map((c) => c.usager.id);
    expect(ids).toEqual(expect.arrayContaining([codec.encode(population.persona('homonyme-rodez').nir), codec.encode(population.persona('homonyme-millau').nir)]));
    expect(candidates[0]!.score).toBe(candidates[1]!.score);
  });

  it('rejects an incomplete date of birth', async () => {
    const result = await gql('query($i: IdentitePivotInput!) { rechercherUsagers(identite: $i) { score } }', { i: { nomNaissance: 'Martin', prenoms: ['Jean'], dateNaissance: '1985-02-30' } });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'ARGUMENT_INVALIDE', argument: 'identite.dateNaissance', retryable: false });
  });

  it('turns a register outage into PARTENAIRE_INDISPONIBLE naming the partner, without the legacy URL', async () => {
    bed.legacy.use(http.post(`${testUrlOf('sngi')}/api/v1/individus/lot`, () => HttpResponse.json({ code_erreur: 'X' }, { status: 503 })));
    const result = await gql('query($id: ID!) { usager(id: $id) { id } }', { id: codec.encode(population.persona('rsa-isolee').nir) });
    expect(result.errors?.[0]).toMatchObject({ path: ['usager'], extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'identite', retryable: true } });
    expect(JSON.stringify(result)).not.toContain('legacy.test');
  });

  it('reports a malformed register payload as PARTENAIRE_REPONSE_INVALIDE', async () => {
    bed.legacy.use(http.post(`${testUrlOf('sngi')}/api/v1/individus/lot`, () => HttpResponse.json({ individus: [{ NIR: 1 }], non_trouves: 0 })));
    const result = await gql('query($id: ID!) { usager(id: $id) { id } }', { id: codec.encode(population.persona('rsa-isolee').nir) });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'identite', retryable: false });
  });
});
