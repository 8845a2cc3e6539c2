import { expect } from '@jest/globals';
import { createPopulation, historiqueAccueil, legacySystem, postGraphQL, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type PersonaKey, type TestAppel } from '@passerelle/mocks';
import { createUsagerIdCodec, silentLogger } from '@passerelle/subgraph-kit';
import { delay, http, HttpResponse } from 'msw';
import { accueilEnv, createServer, loadAccueilConfig } from '../src/index';

const base = testUrlOf('accueil');
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['accueil'],
  start: () => createServer(loadAccueilConfig({ ACCUEIL_PORT: '0', ACCUEIL_LEGACY_URL: base, ACCUEIL_LEGACY_API_KEY: legacySystem('accueil').devApiKey }), silentLogger),
});

const ids = createUsagerIdCodec(accueilEnv.usagerIdSecret.default);
const nirOf = (key: PersonaKey) => population.persona(key).nir;
const calls = () => bed.calls('accueil').count();
/** A reception agent of the Département, as the gateway's signed context names them: the author of the referrals below. */
const accueilCd12: TestAppel = {
  caller: { subject: 'agent-accueil-1', kind: 'agent', roles: ['accueil'], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null },
  finalite: 'premier-accueil',
};
const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, appel: TestAppel = accueilCd12) => postGraphQL<T>(bed.server, query, variables, { appel });
const orientationsOf = async (nirs: string[]) =>
  (
    await queryEntities<{ orientations: unknown[] }>(
      bed.server,
      nirs.map((nir) => ({ nir })),
      'orientations { id motif }',
    )
  ).data?._entities;
const lieuIds = async (args: string) => {
  const result = await gql<{ lieuxAccueil: Array<{ id: string }> }>(`{ lieuxAccueil${args} { id } }`);
  expect(result.errors).toBeUndefined();
  return result.data?.lieuxAccueil.map((l) => l.id);
};

const orienter = `mutation($u: ID!, $vers: CibleOrientationInput!, $motif: MotifOrientation!, $precision: String, $cle: String) {
  orienterUsager(usagerId: $u, vers: $vers, motif: $motif, precision: $precision, cleIdempotence: $cle) {
    rejoue orientation { id date motif precision auteur cible { partenaire lieu { id nom } } }
  }
}`;
type OrienterAnswer = { orienterUsager: { rejoue: boolean; orientation: { id: string } & Record<string, unknown> } | null };
const unavailable = { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'accueil', retryable: true };
const invalidPayload = { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'accueil', retryable: false };
const invalidArgument = (argument: string) => ({ code: 'ARGUMENT_INVALIDE', argument, retryable: false });

// Only Date is faked (to date the referrals); msw's and the server's timers run for real.
beforeAll(() => {
  jest.useFakeTimers({
    now: new Date('2026-11-12T10:00:00Z'),
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
});
afterAll(() => jest.useRealTimers());

describe('accueil subgraph: the directory', () => {
  it('lists every place with one directory call', async () => {
    expect(await lieuIds('')).toEqual(['MDS-RODEZ', 'CCAS-RODEZ', 'CCAS-ONET', 'FS-RODEZ', 'FS-LUC', 'TLS-RODEZ']);
    expect(calls()).toBe(1);
  });

  it.each([
    ['(commune: "12176")', ['CCAS-ONET']],
    ['(commune: "12264")', []],
    ['(service: DOMICILIATION)', ['CCAS-RODEZ', 'CCAS-ONET']],
    ['(service: ESPACE_RENCONTRE)', ['TLS-RODEZ']],
    ['(partenaire: MSA)', ['FS-RODEZ', 'FS-LUC']],
    ['(partenaire: FRANCE_TRAVAIL, service: AIDE_NUMERIQUE)', ['FS-RODEZ', 'FS-LUC', 'TLS-RODEZ']],
    ['(commune: "12202", partenaire: CAF)', ['MDS-RODEZ', 'FS-RODEZ']],
    ['(commune: "12133", service: DOMICILIATION)', []],
  ])('filters lieuxAccueil%s', async (args, expected) => {
    expect(await lieuIds(args)).toEqual(expected);
  });

  it.each(['Rodez', '1220', '2C004'])('rejects commune %j with ARGUMENT_INVALIDE, without a legacy call', async (commune) => {
    const result = await gql('query($c: String) { lieuxAccueil(commune: $c) { id } }', { c: commune });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]).toMatchObject({ message: 'commune must be an INSEE commune code (e.g. 12202).', path: ['lieuxAccueil'], extensions: invalidArgument('commune') });
    expect(calls()).toBe(0);
  });

  it("serves a place with its hours grouped by day, its services and the partners' office hours", async () => {
    const result = await gql(`{ lieuAccueil(id: "TLS-RODEZ") {
      id nom type telephone adresse { ligne codePostal commune codeCommune }
      horaires { jour plages { debut fin } } services
      permanences { partenaire jour debut fin periodicite surRendezVous }
    } }`);
    expect(result).toEqual({
      data: {
        lieuAccueil: {
          id: 'TLS-RODEZ',
          nom: 'Tiers-lieu solidaire Le Relais',
          type: 'TIERS_LIEU',
          telephone: null,
          adresse: { ligne: '21 rue des Ateliers', codePostal: '12000', commune: 'Rodez', codeCommune: '12202' },
          horaires: [
            { jour: 'MARDI', plages: [{ debut: '10:00', fin: '18:00' }] },
            { jour: 'MERCREDI', plages: [{ debut: '10:00', fin: '18:00' }] },
            { jour: 'JEUDI', plages: [{ debut: '10:00', fin: '18:00' }] },
            { jour: 'SAMEDI', plages: [{ debut: '10:00', fin: '13:00' }] },
          ],
          services: ['ACCUEIL_GENERAL', 'ESPACE_RENCONTRE', 'AIDE_NUMERIQUE', 'EMPLOI'],
          permanences: [
            { partenaire: 'FRANCE_TRAVAIL', jour: 'MARDI', debut: '14:00', fin: '17:00', periodicite: 'HEBDOMADAIRE', surRendezVous: false },
            { partenaire: 'DEPARTEMENT', jour: 'JEUDI', debut: '09:30', fin: '12:30', periodicite: 'HEBDOMADAIRE', surRendezVous: false },
            { partenaire: 'SIAO', jour: 'MERCREDI', debut: '14:00', fin: '16:00', periodicite: 'BIMENSUELLE', surRendezVous: false },
          ],
        },
      },
    });
  });

  it('gives a day with two periods both of them, in order, and skips closed days', async () => {
    const result = await gql<{ lieuAccueil: { horaires: Array<{ jour: string; plages: unknown[] }> } }>('{ lieuAccueil(id: "FS-LUC") { horaires { jour plages { debut fin } } } }');
    expect(result.data?.lieuAccueil.horaires.map((h) => h.jour)).toEqual(['LUNDI', 'MARDI', 'MERCREDI', 'JEUDI', 'VENDREDI']);
    expect(result.data?.lieuAccueil.horaires[0]?.plages).toEqual([
      { debut: '09:00', fin: '12:00' },
      { debut: '14:00', fin: '17:00' },
    ]);
    expect(result.data?.lieuAccueil.horaires[2]?.plages).toEqual([{ debut: '09:00', fin: '12:00' }]);
  });

  it('answers null for a place the network does not have', async () => {
    expect(await gql('{ lieuAccueil(id: "MDS-MILLAU") { id } }')).toEqual({ data: { lieuAccueil: null } });
  });

  it('resolves LieuAccueil entities, null for an unknown id, with one directory call', async () => {
    const result = await queryEntities(bed.server, [{ id: 'CCAS-ONET' }, { id: 'NULLE-PART' }, { id: 'FS-RODEZ' }], 'nom type', 'LieuAccueil');
    expect(result).toEqual({ data: { _entities: [{ nom: "CCAS d'Onet-le-Château", type: 'CCAS' }, null, { nom: 'France Services de Rodez-Bourran', type: 'FRANCE_SERVICES' }] } });
    expect(calls()).toBe(1);
  });

  it('turns a directory outage into PARTENAIRE_INDISPONIBLE', async () => {
    bed.legacy.use(http.get(`${base}/annuaire/v1/lieux`, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await gql('{ lieuxAccueil { id } }');
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => e.extensions)).toEqual([unavailable]);
    expect(JSON.stringify(result)).not.toContain('legacy.test');
  });

  it('reports a directory entry with an undocumented service code as PARTENAIRE_REPONSE_INVALIDE', async () => {
    bed.legacy.use(
      http.get(`${base}/annuaire/v1/lieux`, () =>
        HttpResponse.json({
          nb_lieux: 1,
          lieux: [
            {
              code_lieu: 'X',
              libelle: 'X',
              type_lieu: 'MDS',
              adresse: { voie: 'v', code_postal: '12000', commune: 'Rodez', code_insee: '12202' },
              telephone: null,
              horaires: [],
              services: ['CAFE'],
              permanences: [],
            },
          ],
        }),
      ),
    );
    const result = await gql('{ lieuxAccueil { id } }');
    expect(result.errors?.map((e) => e.extensions)).toEqual([invalidPayload]);
  });
});

describe('accueil subgraph: the tiers-lieu events', () => {
  it('serves the events between two days, both included, with their place (one events call, one directory call)', async () => {
    const result = await gql('{ evenementsTiersLieu(depuis: "2026-11-10", jusqua: "2026-11-25") { id date debut fin titre partenaire placesTotal placesRestantes lieu { id } } }');
    expect(result).toEqual({
      data: {
        evenementsTiersLieu: [
          {
            id: 'EVT-2611-02',
            date: '2026-11-10',
            debut: '09:30',
            fin: '11:30',
            titre: 'Petit-déjeuner emploi',
            partenaire: 'FRANCE_TRAVAIL',
            placesTotal: 20,
            placesRestantes: 0,
            lieu: { id: 'TLS-RODEZ' },
          },
          {
            id: 'EVT-2611-03',
            date: '2026-11-18',
            debut: '14:00',
            fin: '16:30',
            titre: 'Café des usagers et des référents',
            partenaire: null,
            placesTotal: 15,
            placesRestantes: 15,
            lieu: { id: 'TLS-RODEZ' },
          },
          {
            id: 'EVT-2611-04',
            date: '2026-11-25',
            debut: '14:00',
            fin: '16:00',
            titre: 'Information : la complémentaire santé solidaire',
            partenaire: 'CPAM',
            placesTotal: 12,
            placesRestantes: 7,
            lieu: { id: 'TLS-RODEZ' },
          },
        ],
      },
    });
    expect(calls()).toBe(2);
  });

  it.each([
    // The year of past events (36, historiqueAccueil) and the six around the observation date.
    ['', 42],
    ['(depuis: "2026-12-01")', 2],
    ['(depuis: "2026-11-01", jusqua: "2026-11-04")', 1],
    ['(jusqua: "2026-11-04")', 37],
    ['(depuis: "2027-01-01")', 0],
  ])('applies the bounds %s', async (args, count) => {
    const result = await gql<{ evenementsTiersLieu: unknown[] }>(`{ evenementsTiersLieu${args} { id } }`);
    expect(result.data?.evenementsTiersLieu).toHaveLength(count);
  });

  it.each([
    ['depuis', '(depuis: "2026-02-30")', 'depuis must be a date written YYYY-MM-DD.'],
    ['jusqua', '(jusqua: "20261110")', 'jusqua must be a date written YYYY-MM-DD.'],
    ['depuis', '(depuis: "demain")', 'depuis must be a date written YYYY-MM-DD.'],
    ['depuis', '(depuis: "2026-11-20", jusqua: "2026-11-10")', 'depuis must not be after jusqua.'],
  ])('rejects a bad %s with ARGUMENT_INVALIDE, without a legacy call: %s', async (argument, args, message) => {
    const result = await gql(`{ evenementsTiersLieu${args} { id } }`);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([{ message, locations: expect.any(Array), path: ['evenementsTiersLieu'], extensions: invalidArgument(argument) }]);
    expect(calls()).toBe(0);
  });
});

describe('accueil subgraph: referrals', () => {
  it('refers a usager to a place, then reads the referral back on the usager', async () => {
    const nir = nirOf('demandeur-emploi');
    const result = await gql<OrienterAnswer>(orienter, { u: ids.encode(nir), vers: { lieuId: 'TLS-RODEZ' }, motif: 'EMPLOI', precision: 'Atelier CV' });
    expect(result.errors).toBeUndefined();
    const orientation = {
      id: expect.stringMatching(/^ORI-\d{6}$/),
      date: '2026-11-12',
      motif: 'EMPLOI',
      precision: 'Atelier CV',
      auteur: 'accueil CD12',
      cible: { partenaire: null, lieu: { id: 'TLS-RODEZ', nom: 'Tiers-lieu solidaire Le Relais' } },
    };
    expect(result.data).toEqual({ orienterUsager: { rejoue: false, orientation } });
    const readBack = await queryEntities(bed.server, [{ nir }], 'orientations { id date motif precision auteur cible { partenaire lieu { id } } }');
    expect(readBack).toEqual({
      data: { _entities: [{ orientations: [{ ...orientation, id: result.data?.orienterUsager?.orientation.id, cible: { partenaire: null, lieu: { id: 'TLS-RODEZ' } } }] }] },
    });
  });

  it("records the caller of the signed context as the referral's author: a référent by registry id and organisation", async () => {
    const referent: TestAppel = {
      caller: { subject: 'agent-ref-1', kind: 'agent', roles: ['referent'], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null },
      finalite: 'accompagnement',
    };
    const result = await gql<OrienterAnswer>(orienter, { u: ids.encode(nirOf('nom-usage')), vers: { partenaire: 'CAF' }, motif: 'AUTRE' }, referent);
    expect(result.errors).toBeUndefined();
    expect(result.data?.orienterUsager?.orientation.auteur).toBe('référent ref-001 (CD12)');
  });

  it.each([
    ['anonymous', {}, { code: 'NON_AUTHENTIFIE', partenaire: 'accueil', retryable: false }, 'This write needs an identified caller: its author is the caller.'],
    [
      'an analyst (no role that writes)',
      { caller: { subject: 'a-1', kind: 'agent', roles: ['analyste'], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null }, finalite: 'statistique' },
      { code: 'ACCES_REFUSE', partenaire: 'accueil', retryable: false },
      "The caller's roles for this purpose do not allow this write.",
    ],
  ] as const)('refuses a referral whose context names no author (%s), without a legacy call', async (_label, appel, extensions, message) => {
    const result = await gql<OrienterAnswer>(orienter, { u: ids.encode(nirOf('nom-usage')), vers: { partenaire: 'CAF' }, motif: 'AUTRE' }, appel);
    expect(result.errors).toEqual([{ message, locations: expect.any(Array), path: ['orienterUsager'], extensions }]);
    expect(result.data).toEqual({ orienterUsager: null });
    expect(calls()).toBe(0);
  });

  it('answers a retry with the same key with the same referral, marked as a replay, and records one', async () => {
    const nir = nirOf('sans-domicile');
    const variables = { u: ids.encode(nir), vers: { partenaire: 'SIAO' }, motif: 'HEBERGEMENT_URGENCE', precision: null, cle: 'essai-hebergement-01' };
    const first = await gql<OrienterAnswer>(orienter, variables);
    const retry = await gql<OrienterAnswer>(orienter, variables);
    expect(first.data?.orienterUsager?.rejoue).toBe(false);
    expect(retry.data?.orienterUsager).toEqual({ ...first.data?.orienterUsager, rejoue: true });
    expect(retry.data?.orienterUsager?.orientation).toMatchObject({ motif: 'HEBERGEMENT_URGENCE', precision: null, cible: { partenaire: 'SIAO', lieu: null } });
    expect(await orientationsOf([nir])).toEqual([{ orientations: [{ id: first.data?.orienterUsager?.orientation.id, motif: 'HEBERGEMENT_URGENCE' }] }]);
  });

  it('refuses the same key for another referral, recording nothing more', async () => {
    const nir = nirOf('rsa-isolee');
    const variables = { u: ids.encode(nir), vers: { partenaire: 'CAF' }, motif: 'ACCES_AUX_DROITS', cle: 'cle-conflit-graphql' };
    expect((await gql<OrienterAnswer>(orienter, variables)).errors).toBeUndefined();
    const conflict = await gql<OrienterAnswer>(orienter, { ...variables, motif: 'LOGEMENT' });
    expect(conflict).toEqual({
      data: { orienterUsager: null },
      errors: [
        {
          message: 'This idempotency key was already used for another referral.',
          locations: expect.any(Array),
          path: ['orienterUsager'],
          extensions: { code: 'CONFLIT_IDEMPOTENCE', argument: 'cleIdempotence', retryable: false },
        },
      ],
    });
    expect(await orientationsOf([nir])).toEqual([{ orientations: [{ id: expect.any(String), motif: 'ACCES_AUX_DROITS' }] }]);
  });

  it('refuses an unknown place and records nothing', async () => {
    const nir = nirOf('couple-parent-1');
    const result = await gql<OrienterAnswer>(orienter, { u: ids.encode(nir), vers: { lieuId: 'MDS-MILLAU' }, motif: 'LOGEMENT' });
    expect(result.errors).toEqual([
      { message: 'No reception place has this id.', locations: expect.any(Array), path: ['orienterUsager'], extensions: { code: 'OBJET_INTROUVABLE', argument: 'vers', retryable: false } },
    ]);
    expect(calls()).toBe(1);
    expect(await orientationsOf([nir])).toEqual([{ orientations: [] }]);
  });

  it('rejects a malformed place id as unknown, without a legacy call', async () => {
    const result = await gql<OrienterAnswer>(orienter, { u: ids.encode(nirOf('nom-usage')), vers: { lieuId: 'mds rodez' }, motif: 'AUTRE' });
    expect(result.errors).toEqual([
      { message: 'No reception place has this id.', locations: expect.any(Array), path: ['orienterUsager'], extensions: { code: 'OBJET_INTROUVABLE', argument: 'vers', retryable: false } },
    ]);
    expect(calls()).toBe(0);
  });

  it.each([
    ['both a partner and a place', { partenaire: 'CAF', lieuId: 'MDS-RODEZ' }, 'vers must give exactly one of codePartenaire, partenaire and lieuId.', 'vers'],
    ['neither', {}, 'vers must give exactly one of codePartenaire, partenaire and lieuId.', 'vers'],
  ])('rejects %s without a legacy call', async (_case, vers, message, argument) => {
    const result = await gql<OrienterAnswer>(orienter, { u: ids.encode(nirOf('nom-usage')), vers, motif: 'AUTRE' });
    expect(result.errors).toEqual([{ message, locations: expect.any(Array), path: ['orienterUsager'], extensions: invalidArgument(argument) }]);
    expect(calls()).toBe(0);
  });

  it.each([
    ['precision', { precision: 'x'.repeat(501) }, 'precision must be at most 500 characters.'],
    ['cleIdempotence', { cle: 'court' }, 'cleIdempotence must be 8 to 64 letters, digits, - or _.'],
    ['cleIdempotence', { cle: 'avec des espaces' }, 'cleIdempotence must be 8 to 64 letters, digits, - or _.'],
  ])('rejects a bad %s without a legacy call', async (argument, extra, message) => {
    const result = await gql<OrienterAnswer>(orienter, { u: ids.encode(nirOf('nom-usage')), vers: { partenaire: 'CPAM' }, motif: 'SANTE', ...extra });
    expect(result.errors).toEqual([{ message, locations: expect.any(Array), path: ['orienterUsager'], extensions: invalidArgument(argument) }]);
    expect(calls()).toBe(0);
  });

  it.each([
    ['a malformed id', 'u_pas-un-identifiant'],
    ['an id sealed under another secret', createUsagerIdCodec('another-secret-of-16-chars').encode('286041220200135')],
  ])('rejects %s with IDENTIFIANT_USAGER_INVALIDE, without a legacy call', async (_case, usagerId) => {
    const result = await gql<OrienterAnswer>(orienter, { u: usagerId, vers: { partenaire: 'CAF' }, motif: 'AUTRE' });
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'IDENTIFIANT_USAGER_INVALIDE', argument: 'usagerId', retryable: false }]);
    expect(calls()).toBe(0);
  });

  it('turns an outage of the referral endpoint into PARTENAIRE_INDISPONIBLE', async () => {
    bed.legacy.use(http.post(`${base}/orientations/v1/orientations`, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await gql<OrienterAnswer>(orienter, { u: ids.encode(nirOf('ne-en-corse')), vers: { partenaire: 'CPAM' }, motif: 'SANTE' });
    expect(result).toEqual({
      data: { orienterUsager: null },
      errors: [{ message: 'The accueil system is unavailable.', locations: expect.any(Array), path: ['orienterUsager'], extensions: unavailable }],
    });
  });

  it('turns a refused API key on the referral endpoint into PARTENAIRE_ACCES_REFUSE', async () => {
    bed.legacy.use(http.post(`${base}/orientations/v1/orientations`, () => HttpResponse.json({ code_erreur: 'AUTH_REFUSEE', libelle: "Clé d'API absente ou invalide" }, { status: 401 })));
    const result = await gql<OrienterAnswer>(orienter, { u: ids.encode(nirOf('ne-en-corse')), vers: { partenaire: 'CPAM' }, motif: 'SANTE' });
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'PARTENAIRE_ACCES_REFUSE', partenaire: 'accueil', retryable: false }]);
  });

  it('turns a referral endpoint that never answers into PARTENAIRE_DELAI_DEPASSE after the configured timeout', async () => {
    bed.legacy.use(http.post(`${base}/orientations/v1/orientations`, () => delay('infinite')));
    const impatient = await createServer(
      loadAccueilConfig({ ACCUEIL_PORT: '0', ACCUEIL_LEGACY_URL: base, ACCUEIL_LEGACY_API_KEY: legacySystem('accueil').devApiKey, ACCUEIL_LEGACY_TIMEOUT_MS: '100' }),
      silentLogger,
    );
    try {
      const result = await postGraphQL(impatient, orienter, { u: ids.encode(nirOf('ne-en-corse')), vers: { partenaire: 'CPAM' }, motif: 'SANTE' }, { appel: accueilCd12 });
      expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'PARTENAIRE_DELAI_DEPASSE', partenaire: 'accueil', retryable: true }]);
    } finally {
      await impatient.stop();
    }
  });

  it('reports a malformed referral answer as PARTENAIRE_REPONSE_INVALIDE, without quoting it', async () => {
    const nir = nirOf('ne-en-corse');
    bed.legacy.use(
      http.post(`${base}/orientations/v1/orientations`, () =>
        HttpResponse.json(
          { orientation: { id_orientation: 'ORI-1', nir, type_cible: 'PART', code_cible: 'CAF', code_motif: 'ZZZ', motif_libre: null, auteur: 'passerelle', date_orientation: '20261112' } },
          { status: 201 },
        ),
      ),
    );
    const result = await gql<OrienterAnswer>(orienter, { u: ids.encode(nir), vers: { partenaire: 'CAF' }, motif: 'AUTRE' });
    expect(result.errors?.map((e) => e.extensions)).toEqual([invalidPayload]);
    expect(JSON.stringify(result)).not.toContain(nir);
  });

  it('reads the referrals of 60 usagers with two calls (50 + 10), an empty list for unknown and malformed NIRs', async () => {
    // Not the personas (other tests of this file refer some of them), nor people the reception system's history referred.
    const orientes = new Set(historiqueAccueil(population).orientations.map((o) => o.nir));
    const nirs = [
      ...population.personnes
        .filter((p) => !p.ref.startsWith('persona:') && !orientes.has(p.nir))
        .slice(0, 58)
        .map((p) => p.nir),
      unknownNir(1),
      'pas-un-nir',
    ];
    const result = await orientationsOf(nirs);
    expect(result).toEqual(nirs.map(() => ({ orientations: [] })));
    expect(calls()).toBe(2);
  });

  it('turns an outage of the referral search into PARTENAIRE_INDISPONIBLE for each usager', async () => {
    bed.legacy.use(
      http.post(`${base}/orientations/v1/orientations/recherche`, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })),
    );
    const result = await queryEntities(bed.server, [{ nir: nirOf('rsa-isolee') }, { nir: nirOf('ne-en-corse') }], 'orientations { id }');
    expect(result.data).toEqual({ _entities: [null, null] });
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['_entities', 0, 'orientations'], unavailable],
      [['_entities', 1, 'orientations'], unavailable],
    ]);
    // 1 call and 3 retries: a read is retried on a 5xx (the kit's default _LEGACY_RETRIES).
    expect(calls()).toBe(4);
  });
});

describe('accueil subgraph: which partners know a usager', () => {
  const presence = 'presencePartenaires { caf cpam carsat bailleurs }';
  const situation = (...statuts: Array<string | null>) => ({ bailleurs: statuts.map((statut) => (statut === null ? null : { rapprochement: { statut } })) });

  it.each<[string, Record<string, unknown>, Record<string, boolean | null>]>([
    [
      'rsa-isolee: CAF, CPAM and RAH know her',
      { caf: { numeroAllocataire: '0412345' }, cpam: { caisse: "CPAM de l'Aveyron" }, carsat: null, logementSocial: situation('CERTAIN', 'AUCUN') },
      { caf: true, cpam: true, carsat: false, bailleurs: true },
    ],
    [
      'retraite-aspa: everyone knows him',
      { caf: { numeroAllocataire: '0203040' }, cpam: { caisse: "CPAM de l'Aveyron" }, carsat: { trimestresValides: 132 }, logementSocial: situation('AUCUN', 'CERTAIN') },
      { caf: true, cpam: true, carsat: true, bailleurs: true },
    ],
    [
      "homonyme-rodez: the landlord's match is ambiguous, so it does not count",
      { caf: { numeroAllocataire: '0555001' }, cpam: null, carsat: null, logementSocial: situation('AMBIGU', 'AUCUN') },
      { caf: true, cpam: false, carsat: false, bailleurs: false },
    ],
    ['registre-seul: nobody knows her', { caf: null, cpam: null, carsat: null, logementSocial: null }, { caf: false, cpam: false, carsat: false, bailleurs: false }],
    [
      'a landlord unreachable and the other not knowing the person: cannot tell',
      { caf: null, cpam: null, carsat: null, logementSocial: situation(null, 'AUCUN') },
      { caf: false, cpam: false, carsat: false, bailleurs: null },
    ],
    [
      'a landlord unreachable but the other knowing the person',
      { caf: null, cpam: null, carsat: null, logementSocial: situation(null, 'PROBABLE') },
      { caf: false, cpam: false, carsat: false, bailleurs: true },
    ],
  ])('computes presence from the required fields, without a legacy call: %s', async (_case, requis, expected) => {
    const result = await queryEntities(bed.server, [{ nir: nirOf('rsa-isolee'), ...requis }], presence);
    expect(result).toEqual({ data: { _entities: [{ presencePartenaires: expected }] } });
    expect(calls()).toBe(0);
  });

  it('counts MSA, France Travail and the SIAO, and nothing of what they hold reaches the answer', async () => {
    const requis = {
      caf: null,
      cpam: null,
      carsat: null,
      logementSocial: null,
      msa: { numeroAdherent: 'MSA0012345' },
      franceTravail: { identifiant: '0402951R' },
      hebergement: { demandes: [{ reference: 'SIAO-12-00042' }] },
    };
    const result = await queryEntities(bed.server, [{ nir: nirOf('rsa-isolee'), ...requis }], 'presencePartenaires { caf msa franceTravail cpam carsat siao bailleurs }');
    expect(result).toEqual({ data: { _entities: [{ presencePartenaires: { caf: false, msa: true, franceTravail: true, cpam: false, carsat: false, siao: true, bailleurs: false } }] } });
    const none = await queryEntities(bed.server, [{ nir: nirOf('rsa-isolee') }], 'presencePartenaires { msa franceTravail siao }');
    expect(none).toEqual({ data: { _entities: [{ presencePartenaires: { msa: false, franceTravail: false, siao: false } }] } });
    expect(calls()).toBe(0);
  });
});

describe('accueil subgraph: the referral lifecycle and the inbox', () => {
  const agent = (partenaire: string): TestAppel => ({
    caller: { subject: `agent-${partenaire}`, kind: 'agent', roles: ['agent'], organisation: partenaire.toUpperCase(), partenaire, referentId: null, usagerId: null },
    finalite: 'accompagnement',
  });
  const statutDe = async (nir: string, id: string) => ((await orientationsOf([nir])) as Array<{ orientations: Array<{ id: string }> }> | undefined)?.[0]?.orientations.some((o) => o.id === id);
  const lireStatut = async (nir: string, id: string) =>
    (
      await queryEntities<{ orientations: Array<{ id: string; statut: string; motifRefus: string | null }> }>(bed.server, [{ nir }], 'orientations { id statut motifRefus }')
    ).data?._entities[0]?.orientations.find((o) => o.id === id);
  const creer = async (nir: string, vers: Record<string, unknown>) => {
    const result = await gql<OrienterAnswer>(orienter, { u: ids.encode(nir), vers, motif: 'EMPLOI' });
    expect(result.errors).toBeUndefined();
    return result.data!.orienterUsager!.orientation.id;
  };
  const accepter = 'mutation($id: ID!, $cle: String) { accepterOrientation(id: $id, cleIdempotence: $cle) { rejoue orientation { statut etapes { statut auteur } } } }';
  const refuser = 'mutation($id: ID!, $motif: String!) { refuserOrientation(id: $id, motif: $motif) { orientation { statut motifRefus } } }';
  const clore = 'mutation($id: ID!, $issue: IssueOrientation!) { cloreOrientation(id: $id, issue: $issue) { orientation { statut } } }';

  it('lets the target partner accept, retry with the same key, and close; an illegal change is TRANSITION_INVALIDE', async () => {
    const nir = nirOf('demandeur-emploi');
    const id = await creer(nir, { codePartenaire: 'france-travail' });
    expect(await statutDe(nir, id)).toBe(true);
    const first = await gql(accepter, { id, cle: 'cle-accepte-01' }, agent('france-travail'));
    const etapes = [
      { statut: 'PROPOSEE', auteur: 'accueil CD12' },
      { statut: 'ACCEPTEE', auteur: 'agent FRANCE-TRAVAIL' },
    ];
    expect(first).toEqual({ data: { accepterOrientation: { rejoue: false, orientation: { statut: 'ACCEPTEE', etapes } } } });
    const retry = await gql(accepter, { id, cle: 'cle-accepte-01' }, agent('france-travail'));
    expect(retry).toEqual({ data: { accepterOrientation: { rejoue: true, orientation: { statut: 'ACCEPTEE', etapes } } } });
    const illegal = await gql(refuser, { id, motif: 'Trop tard' }, agent('france-travail'));
    expect(illegal.errors?.map((e) => e.extensions)).toEqual([{ code: 'TRANSITION_INVALIDE', partenaire: 'accueil', retryable: false }]);
    expect(await lireStatut(nir, id)).toEqual({ id, statut: 'ACCEPTEE', motifRefus: null });
    expect(await gql(clore, { id, issue: 'ABANDONNEE' }, agent('france-travail'))).toEqual({ data: { cloreOrientation: { orientation: { statut: 'ABANDONNEE' } } } });
  });

  it('refuses with a reason the usager reads', async () => {
    const nir = nirOf('demandeur-emploi');
    const id = await creer(nir, { partenaire: 'CAF' });
    expect(await gql(refuser, { id, motif: 'Pas de droit ouvrable' }, agent('caf'))).toEqual({
      data: { refuserOrientation: { orientation: { statut: 'REFUSEE', motifRefus: 'Pas de droit ouvrable' } } },
    });
    const vide = await gql(refuser, { id, motif: '  ' }, agent('caf'));
    expect(vide.errors?.map((e) => e.extensions)).toEqual([invalidArgument('motif')]);
  });

  it('refuses another partner, a reception agent and a place referral with ACCES_REFUSE, changing nothing', async () => {
    const nir = nirOf('demandeur-emploi');
    const id = await creer(nir, { codePartenaire: 'france-travail' });
    const lieu = await creer(nir, { lieuId: 'TLS-RODEZ' });
    const refused = { code: 'ACCES_REFUSE', partenaire: 'accueil', retryable: false };
    for (const [orientation, appel] of [
      [id, agent('caf')],
      [id, accueilCd12],
      [lieu, agent('france-travail')],
    ] as const) {
      const before = calls();
      const answer = await gql(accepter, { id: orientation }, appel);
      expect(answer.errors?.map((e) => ({ ...e.extensions, path: e.path }))).toEqual([{ ...refused, path: ['accepterOrientation'] }]);
      // At most the read of the referral reached the system, never a change.
      expect(calls() - before).toBeLessThanOrEqual(1);
    }
    expect(await lireStatut(nir, id)).toEqual({ id, statut: 'PROPOSEE', motifRefus: null });
    const inconnue = await gql(accepter, { id: 'ORI-999999' }, agent('france-travail'));
    expect(inconnue.errors?.map((e) => e.extensions)).toEqual([{ code: 'OBJET_INTROUVABLE', argument: 'id', retryable: false }]);
  });

  it("lists the caller's partner's referrals, paged and filtered by status, each with its usager key", async () => {
    const nirs = [nirOf('rsa-isolee'), nirOf('ne-en-corse')];
    const created = [await creer(nirs[0]!, { codePartenaire: 'region' }), await creer(nirs[1]!, { codePartenaire: 'region' })];
    const boite =
      'query($apres: String, $statut: StatutOrientation) { orientationsRecues(premier: 1, apres: $apres, statut: $statut) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { orientation { id cible { codePartenaire partenaire } } usager { __typename } } } } }';
    type Boite = {
      orientationsRecues: { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string }; edges: Array<{ node: { orientation: { id: string } } }> };
    };
    const first = await gql<Boite>(boite, {}, agent('region'));
    expect(first.errors).toBeUndefined();
    expect(first.data!.orientationsRecues).toEqual({
      totalCount: 2,
      pageInfo: { hasNextPage: true, hasPreviousPage: false, endCursor: expect.any(String) },
      edges: [{ node: { orientation: { id: created[0], cible: { codePartenaire: 'region', partenaire: null } }, usager: { __typename: 'Usager' } } }],
    });
    const second = await gql<Boite>(boite, { apres: first.data!.orientationsRecues.pageInfo.endCursor }, agent('region'));
    expect(second.data!.orientationsRecues.edges.map((e) => e.node.orientation.id)).toEqual([created[1]]);
    expect(second.data!.orientationsRecues.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, endCursor: expect.any(String) });
    expect((await gql<Boite>(boite, { statut: 'ACCEPTEE' }, agent('region'))).data!.orientationsRecues.totalCount).toBe(0);
    expect((await gql<Boite>(boite, {}, agent('caf'))).data!.orientationsRecues.edges.map((e) => e.node.orientation.id)).not.toContain(created[0]);
    const forged = await gql(boite, { apres: 'bm90LWFuLWlk' }, agent('region'));
    expect(forged.errors?.map((e) => e.extensions)).toEqual([invalidArgument('apres')]);
  });
});
