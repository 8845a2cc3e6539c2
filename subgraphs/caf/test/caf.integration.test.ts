import { createPopulation, legacySystem, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type PersonaKey } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadCafConfig } from '../src/index';

const lotUrl = `${testUrlOf('caf')}/api/v2/allocataires/lot`;
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['caf'],
  start: () => createServer(loadCafConfig({ CAF_PORT: '0', CAF_LEGACY_URL: testUrlOf('caf'), CAF_LEGACY_API_KEY: legacySystem('caf').devApiKey }), silentLogger),
});

/** The calls CAF received during the current test. */
const cafCalls = () => bed.calls('caf').count();
/** Resolves usagers by NIR, as the gateway asks this subgraph. */
const entities = (nirs: string[], selection: string) =>
  queryEntities<{ caf: Record<string, unknown> | null }>(
    bed.server,
    nirs.map((nir) => ({ nir })),
    selection,
  );
const nirOf = (key: PersonaKey) => population.persona(key).nir;
const fullCaf = `caf {
  numeroAllocataire codePostal role quotientFamilial
  foyer { nombreAdultes enfants { prenom dateNaissance } }
  droits { prestation montantMensuel dateDebut }
  rsa { etat codeEtat majore soumisDroitsEtDevoirs montantMensuel dateDebut }
  paiementsRecents { date prestation montant }
}`;

describe('caf subgraph', () => {
  it('serves the whole file of the single RSA recipient in euros and ISO dates', async () => {
    const result = await entities([nirOf('rsa-isolee')], fullCaf);
    expect(result.errors).toBeUndefined();
    const payments = (date: string) => [
      { date, prestation: 'RSA', montant: 568.94 },
      { date, prestation: 'APL', montant: 280 },
    ];
    expect(result.data?._entities).toEqual([
      {
        caf: {
          numeroAllocataire: '0412345',
          codePostal: '12000',
          role: 'ALLOCATAIRE',
          quotientFamilial: 569,
          foyer: { nombreAdultes: 1, enfants: [] },
          droits: [
            { prestation: 'RSA', montantMensuel: 568.94, dateDebut: '2024-02-01' },
            { prestation: 'APL', montantMensuel: 280, dateDebut: '2023-09-01' },
          ],
          rsa: { etat: 'OUVERT_VERSE', codeEtat: 2, majore: false, soumisDroitsEtDevoirs: true, montantMensuel: 568.94, dateDebut: '2024-02-01' },
          paiementsRecents: [...payments('2026-11-05'), ...payments('2026-10-05'), ...payments('2026-09-05')],
        },
      },
    ]);
  });

  it("shows the couple's file from each side, with the children and the six most recent payments by default", async () => {
    const result = await entities([nirOf('couple-parent-1'), nirOf('couple-parent-2')], fullCaf);
    expect(result.errors).toBeUndefined();
    const payments = (date: string) => [
      { date, prestation: 'ALLOCATIONS_FAMILIALES', montant: 344.59 },
      { date, prestation: 'ALF', montant: 194 },
      { date, prestation: 'PRIME_ACTIVITE', montant: 118 },
    ];
    const dossier = {
      numeroAllocataire: '0087654',
      codePostal: '12850',
      quotientFamilial: 641,
      foyer: {
        nombreAdultes: 2,
        enfants: [
          { prenom: 'Yanis', dateNaissance: '2012-03-14' },
          { prenom: 'Lina', dateNaissance: '2015-08-02' },
          { prenom: 'Adam', dateNaissance: '2020-01-27' },
        ],
      },
      droits: [
        { prestation: 'ALLOCATIONS_FAMILIALES', montantMensuel: 344.59, dateDebut: '2020-02-01' },
        { prestation: 'ALF', montantMensuel: 194, dateDebut: '2021-05-01' },
        { prestation: 'PRIME_ACTIVITE', montantMensuel: 118, dateDebut: '2025-01-01' },
      ],
      rsa: null,
      paiementsRecents: [...payments('2026-11-05'), ...payments('2026-10-05')],
    };
    expect(result.data?._entities).toEqual([{ caf: { ...dossier, role: 'ALLOCATAIRE' } }, { caf: { ...dossier, role: 'CONJOINT' } }]);
    expect(cafCalls()).toBe(1);
  });

  it.each<[PersonaKey, Record<string, unknown> | null]>([
    [
      'retraite-aspa',
      { numeroAllocataire: '0203040', codePostal: '12740', role: 'ALLOCATAIRE', quotientFamilial: 612, droits: [{ prestation: 'ALS', montantMensuel: 179, dateDebut: '2018-04-01' }], rsa: null },
    ],
    [
      'nom-usage',
      {
        numeroAllocataire: '1100456',
        codePostal: '12000',
        role: 'ALLOCATAIRE',
        quotientFamilial: 1344,
        droits: [
          { prestation: 'PRIME_ACTIVITE', montantMensuel: 163.5, dateDebut: '2025-06-01' },
          { prestation: 'APL', montantMensuel: 142, dateDebut: '2022-01-01' },
        ],
        rsa: null,
      },
    ],
    [
      'homonyme-rodez',
      {
        numeroAllocataire: '0555001',
        codePostal: '12000',
        role: 'ALLOCATAIRE',
        quotientFamilial: 647,
        droits: [{ prestation: 'RSA', montantMensuel: 346.52, dateDebut: '2025-09-01' }],
        rsa: { etat: 'OUVERT_VERSE', codeEtat: 2, majore: false, soumisDroitsEtDevoirs: true, montantMensuel: 346.52, dateDebut: '2025-09-01' },
      },
    ],
    ['homonyme-millau', null],
    [
      'ne-en-corse',
      {
        numeroAllocataire: '0770021',
        codePostal: '12450',
        role: 'ALLOCATAIRE',
        quotientFamilial: 1497,
        droits: [{ prestation: 'PRIME_ACTIVITE', montantMensuel: 97, dateDebut: '2024-11-01' }],
        rsa: null,
      },
    ],
    [
      'ne-a-l-etranger',
      {
        numeroAllocataire: '0660123',
        codePostal: '12850',
        role: 'ALLOCATAIRE',
        quotientFamilial: 1033,
        droits: [
          { prestation: 'AAH', montantMensuel: 1033.32, dateDebut: '2016-05-01' },
          { prestation: 'APL', montantMensuel: 245, dateDebut: '2017-01-01' },
        ],
        rsa: null,
      },
    ],
    ['registre-seul', null],
  ])('serves persona %s as documented', async (key, expected) => {
    const result = await entities(
      [nirOf(key)],
      'caf { numeroAllocataire codePostal role quotientFamilial droits { prestation montantMensuel dateDebut } rsa { etat codeEtat majore soumisDroitsEtDevoirs montantMensuel dateDebut } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ caf: expected }]);
  });

  it('answers caf: null without error for a child, an unknown NIR and a malformed NIR, spending no call on the malformed one', async () => {
    const result = await entities([population.personneParRef.get('persona:enfant-1')!.nir, unknownNir(), 'not-a-nir'], 'caf { numeroAllocataire }');
    expect(result).toEqual({ data: { _entities: [{ caf: null }, { caf: null }, { caf: null }] } });
    expect(cafCalls()).toBe(1);
    const malformedOnly = await entities(['286041220200199'], 'caf { numeroAllocataire }');
    expect(malformedOnly).toEqual({ data: { _entities: [{ caf: null }] } });
    expect(cafCalls()).toBe(1);
  });

  it('answers 100 representations in order, unknown ones included, with one CAF call', async () => {
    const nirs = [...population.personnes.slice(0, 98).map((p) => p.nir), unknownNir(1), unknownNir(2)];
    nirs.splice(50, 0, nirs.pop()!);
    const expected = nirs.map((nir) => {
      const personne = population.personneParNir.get(nir);
      const dossier = personne ? population.dossierCafParRef.get(personne.ref) : undefined;
      return { caf: dossier ? { numeroAllocataire: dossier.numeroAllocataire, role: dossier.allocataire === personne!.ref ? 'ALLOCATAIRE' : 'CONJOINT' } : null };
    });
    expect(expected.filter((e) => e.caf === null).length).toBeGreaterThan(10);
    expect(expected.filter((e) => e.caf?.role === 'CONJOINT').length).toBeGreaterThan(5);
    const result = await entities(nirs, 'caf { numeroAllocataire role }');
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(expected);
    expect(cafCalls()).toBe(1);
  });

  it('splits 101 distinct NIRs into two CAF calls', async () => {
    const result = await entities(
      population.personnes.slice(0, 101).map((p) => p.nir),
      'caf { numeroAllocataire }',
    );
    expect(result.data?._entities).toHaveLength(101);
    expect(cafCalls()).toBe(2);
  });

  it.each([
    [1, 1],
    [4, 4],
    [24, 6],
  ])('returns at most limite=%i payments (%i here)', async (limite, count) => {
    const result = await entities([nirOf('rsa-isolee')], `caf { paiementsRecents(limite: ${limite}) { date } }`);
    expect(result.errors).toBeUndefined();
    expect((result.data?._entities[0]?.caf?.paiementsRecents as unknown[]).length).toBe(count);
  });

  it.each([0, 25, -3])('rejects paiementsRecents(limite: %i) with ARGUMENT_INVALIDE', async (limite) => {
    const result = await entities([nirOf('rsa-isolee')], `caf { numeroAllocataire paiementsRecents(limite: ${limite}) { date } }`);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ message: 'limite must be between 1 and 24.', path: ['_entities', 0, 'caf', 'paiementsRecents'] });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'ARGUMENT_INVALIDE', argument: 'limite', retryable: false });
  });

  it('turns a CAF outage into PARTENAIRE_INDISPONIBLE for each usager, without the legacy URL', async () => {
    bed.legacy.use(http.post(lotUrl, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await entities([nirOf('rsa-isolee'), nirOf('ne-en-corse')], 'caf { numeroAllocataire }');
    expect(result.data?._entities).toEqual([{ caf: null }, { caf: null }]);
    expect(result.errors?.map((e) => e.path)).toEqual([
      ['_entities', 0, 'caf'],
      ['_entities', 1, 'caf'],
    ]);
    for (const error of result.errors ?? []) expect(error.extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true });
    expect(JSON.stringify(result)).not.toContain('legacy.test');
    // 1 call and 3 retries: a read is retried on a 5xx (the kit's default _LEGACY_RETRIES).
    expect(cafCalls()).toBe(4);
  });

  it.each([
    ['a field of the wrong type', { resultats: [{ NIR: 1 }], nb_non_trouves: 0 }],
    [
      'an RSA right without its state',
      {
        resultats: [
          {
            NIR: '286041220200135',
            ROLE_PERS: 'DEM',
            DOSSIER: {
              NUMALLOC: '0412345',
              CODE_POSTAL: '12000',
              NB_ADULTES: 1,
              ENFANTS: [],
              QF: 569,
              DROITS: [{ CODE_PRESTATION: 'RSA', MONTANT_MENSUEL: 56894, DATE_DEBUT: '20240201', DETAIL_RSA: null }],
              PAIEMENTS: [],
            },
          },
        ],
        nb_non_trouves: 0,
      },
    ],
    [
      'an undocumented benefit code',
      {
        resultats: [
          {
            NIR: '286041220200135',
            ROLE_PERS: 'DEM',
            DOSSIER: { NUMALLOC: '0412345', CODE_POSTAL: '12000', NB_ADULTES: 1, ENFANTS: [], QF: 569, DROITS: [], PAIEMENTS: [{ DATE_PAIEMENT: '20261105', CODE_PRESTATION: 'PAJE', MONTANT: 100 }] },
          },
        ],
        nb_non_trouves: 0,
      },
    ],
  ])('reports a CAF payload with %s as PARTENAIRE_REPONSE_INVALIDE', async (_case, payload) => {
    bed.legacy.use(http.post(lotUrl, () => HttpResponse.json(payload)));
    const result = await entities([nirOf('rsa-isolee')], 'caf { numeroAllocataire }');
    expect(result.data?._entities).toEqual([{ caf: null }]);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'caf', retryable: false });
    expect(JSON.stringify(result)).not.toContain(nirOf('rsa-isolee'));
  });
});
