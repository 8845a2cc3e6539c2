import { createPopulation, legacySystem, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type PersonaKey, type Personne } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadRegionConfig } from '../src/index';

const consultationUrl = `${testUrlOf('region')}/sirf/v3/stagiaires/consultation`;
// Large enough for more than 20 trainees derived from France Travail's job seekers, for the batching tests.
const population = createPopulation({ size: 3000, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['region'],
  start: () => createServer(loadRegionConfig({ REGION_PORT: '0', REGION_LEGACY_URL: testUrlOf('region'), REGION_LEGACY_API_KEY: legacySystem('region').devApiKey }), silentLogger),
});

/** The representation the gateway sends: the NIR key and the date of birth `formationProfessionnelle` @requires from the identity register. */
const rep = (p: Pick<Personne, 'nir' | 'dateNaissance'>, dateNaissance = p.dateNaissance) => ({ nir: p.nir, identitePivot: { dateNaissance } });
const persona = (key: PersonaKey) => population.persona(key);
type Entity = { formationProfessionnelle: Record<string, unknown> | null };
const entities = (keys: Array<Record<string, unknown>>, selection: string) => queryEntities<Entity>(bed.server, keys, selection);
/** The number of people in each call the Région's system received during the current test, in call order. */
const batchSizes = async () => ((await bed.calls('region').bodies()) as Array<{ demandes: unknown[] }>).map((b) => b.demandes.length);

const fullFile = `formationProfessionnelle {
  numeroStagiaire
  formations {
    action { codeAction intitule dispositif qualifiante certification { codeRncp intitule } organisme { raisonSociale siret } lieu dateDebut dateFin dureeHeures }
    statut dateEntree dateSortie heuresRealisees regimeRemuneration
    remuneration { montantMensuel bareme etat derniersVersements(limite: 6) { periode dateVersement montant } }
  }
  remunerationEnCours { montantMensuel etat }
}`;

const remunerationSeverine = {
  montantMensuel: 685,
  bareme: 'DE_26_ANS_ET_PLUS',
  etat: 'EN_PAIEMENT',
  derniersVersements: [
    { periode: '2026-10', dateVersement: '2026-11-06', montant: 685 },
    { periode: '2026-09', dateVersement: '2026-10-06', montant: 685 },
    { periode: '2026-08', dateVersement: '2026-09-06', montant: 685 },
    { periode: '2026-07', dateVersement: '2026-08-06', montant: 593.67 },
  ],
};

/** Job seekers of the population the Région knows, and people it does not (personas aside). */
const stagiaires: Personne[] = [];
const inconnus: Personne[] = [];

describe('region subgraph', () => {
  beforeAll(async () => {
    // Found through the simulator itself, 20 at a time, so the tests do not restate its derivation rule.
    const candidats = population.franceTravail.map((d) => population.personneParRef.get(d.personne)!).filter((p) => !p.ref.startsWith('persona:'));
    for (let i = 0; i < candidats.length; i += 20) {
      const chunk = candidats.slice(i, i + 20);
      const result = await entities(
        chunk.map((p) => rep(p)),
        'formationProfessionnelle { numeroStagiaire }',
      );
      chunk.forEach((p, k) => (result.data?._entities[k]?.formationProfessionnelle ? stagiaires : inconnus).push(p));
    }
  });

  it("serves rsa-isolee's pre-qualifying training and the rémunération the Région pays her, in euros and ISO dates, in one call", async () => {
    const result = await entities([rep(persona('rsa-isolee'))], fullFile);
    expect(result).toEqual({
      data: {
        _entities: [
          {
            formationProfessionnelle: {
              numeroStagiaire: 'R760041233',
              formations: [
                {
                  action: {
                    codeAction: '26PP12-0041',
                    intitule: 'Projet Pro — construire son projet professionnel, métiers du service',
                    dispositif: 'PROJET_PRO',
                    qualifiante: false,
                    certification: null,
                    organisme: { raisonSociale: 'Rouergue Insertion Formation', siret: '41287365400027' },
                    lieu: 'Rodez',
                    dateDebut: '2026-07-06',
                    dateFin: '2026-12-18',
                    dureeHeures: 560,
                  },
                  statut: 'EN_COURS',
                  dateEntree: '2026-07-06',
                  dateSortie: null,
                  heuresRealisees: 392,
                  regimeRemuneration: 'REGION',
                  remuneration: remunerationSeverine,
                },
              ],
              remunerationEnCours: { montantMensuel: 685, etat: 'EN_PAIEMENT' },
            },
          },
        ],
      },
    });
    expect(await batchSizes()).toEqual([1]);
    expect(await bed.calls('region').bodies()).toEqual([{ demandes: [{ nir: persona('rsa-isolee').nir, dateNaissance: '17/04/1986' }] }]);
  });

  it("serves demandeur-emploi's qualifying training, paid by France Travail: no rémunération from the Région", async () => {
    const result = await entities([rep(persona('demandeur-emploi'))], fullFile);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        formationProfessionnelle: {
          numeroStagiaire: 'R760052817',
          formations: [
            {
              action: {
                codeAction: '26QP12-0153',
                intitule: 'Agent magasinier',
                dispositif: 'QUALIF_PRO',
                qualifiante: true,
                certification: { codeRncp: 'RNCP38413', intitule: 'Titre professionnel Agent magasinier' },
                organisme: { raisonSociale: 'Centre de formation professionnelle du Causse', siret: '38912044700019' },
                lieu: 'Onet-le-Château',
                dateDebut: '2026-10-05',
                dateFin: '2027-03-26',
                dureeHeures: 693,
              },
              statut: 'EN_COURS',
              dateEntree: '2026-10-05',
              dateSortie: null,
              heuresRealisees: 112,
              regimeRemuneration: 'ARE_FORMATION',
              remuneration: null,
            },
          ],
          remunerationEnCours: null,
        },
      },
    ]);
  });

  it.each<PersonaKey>(['sans-domicile', 'registre-seul', 'couple-parent-1'])('answers null without error for persona %s, whom the Région does not know', async (key) => {
    expect(await entities([rep(persona(key))], 'formationProfessionnelle { numeroStagiaire }')).toEqual({ data: { _entities: [{ formationProfessionnelle: null }] } });
  });

  it("answers null for a date of birth that is not the person's, told apart from the right one in the same call", async () => {
    const severine = persona('rsa-isolee');
    const result = await entities([rep(severine, '1986-04-18'), rep(severine), rep(severine), rep({ nir: unknownNir(), dateNaissance: '1990-01-01' })], 'formationProfessionnelle { numeroStagiaire }');
    expect(result).toEqual({
      data: {
        _entities: [
          { formationProfessionnelle: null },
          { formationProfessionnelle: { numeroStagiaire: 'R760041233' } },
          { formationProfessionnelle: { numeroStagiaire: 'R760041233' } },
          { formationProfessionnelle: null },
        ],
      },
    });
    expect(await batchSizes()).toEqual([3]);
  });

  it('answers null without any call for a malformed NIR, a wrong key and a partial date of birth', async () => {
    const severine = persona('rsa-isolee');
    const result = await entities(
      [{ nir: 'not-a-nir', identitePivot: { dateNaissance: '1986-04-17' } }, rep({ ...severine, nir: `${severine.nir.slice(0, 13)}00` }), rep(severine, '1986-04'), rep(severine, '1986')],
      'formationProfessionnelle { numeroStagiaire }',
    );
    expect(result).toEqual({ data: { _entities: Array.from({ length: 4 }, () => ({ formationProfessionnelle: null })) } });
    expect(bed.calls('region').count()).toBe(0);
  });

  it('refuses a representation without the date of birth it @requires, for that entity only', async () => {
    const result = await entities([{ nir: persona('rsa-isolee').nir }, rep(persona('demandeur-emploi'))], 'formationProfessionnelle { numeroStagiaire }');
    expect(result.data?._entities).toEqual([null, { formationProfessionnelle: { numeroStagiaire: 'R760052817' } }]);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([[['_entities', 0], { code: 'ARGUMENT_INVALIDE', argument: 'representations', retryable: false }]]);
  });

  it('answers 20 usagers with one call and 41 with three (20, 20, 1), in order, trainees and others mixed', async () => {
    expect(stagiaires.length).toBeGreaterThan(20);
    const people = [...stagiaires.slice(0, 10), ...inconnus.slice(0, 10)];
    const result = await entities(
      people.map((p) => rep(p)),
      'formationProfessionnelle { numeroStagiaire formations { statut } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((e) => e?.formationProfessionnelle !== null)).toEqual(people.map((_, i) => i < 10));
    expect(await batchSizes()).toEqual([20]);
    bed.calls('region').reset();
    const many = [...stagiaires.slice(0, 21), ...inconnus.slice(0, 20)];
    const more = await entities(
      many.map((p) => rep(p)),
      'formationProfessionnelle { numeroStagiaire }',
    );
    expect(more.errors).toBeUndefined();
    expect(more.data?._entities.filter((e) => e?.formationProfessionnelle !== null)).toHaveLength(21);
    expect(await batchSizes()).toEqual([20, 20, 1]);
  });

  it.each([
    [1, 1],
    [3, 3],
    [6, 4],
  ])('returns at most limite=%i payments (%i here), most recent first', async (limite, count) => {
    const result = await entities([rep(persona('rsa-isolee'))], `formationProfessionnelle { remunerationEnCours { derniersVersements(limite: ${limite}) { periode } } }`);
    expect(result.errors).toBeUndefined();
    const expected = remunerationSeverine.derniersVersements.slice(0, count).map((v) => ({ periode: v.periode }));
    expect(result.data?._entities).toEqual([{ formationProfessionnelle: { remunerationEnCours: { derniersVersements: expected } } }]);
  });

  it.each([0, 7, -1])('rejects derniersVersements(limite: %i) with ARGUMENT_INVALIDE, at its path', async (limite) => {
    const result = await entities([rep(persona('rsa-isolee'))], `formationProfessionnelle { numeroStagiaire remunerationEnCours { derniersVersements(limite: ${limite}) { periode } } }`);
    expect(result.errors?.map((e) => [e.message, e.path, e.extensions])).toEqual([
      [
        'limite must be between 1 and 6.',
        ['_entities', 0, 'formationProfessionnelle', 'remunerationEnCours', 'derniersVersements'],
        { code: 'ARGUMENT_INVALIDE', argument: 'limite', retryable: false },
      ],
    ]);
  });

  it("turns an outage of the Région's system into PARTENAIRE_INDISPONIBLE for each usager, without the legacy URL", async () => {
    bed.legacy.use(http.post(consultationUrl, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await entities([rep(persona('rsa-isolee')), rep(persona('demandeur-emploi'))], 'formationProfessionnelle { numeroStagiaire }');
    expect(result.data?._entities).toEqual([{ formationProfessionnelle: null }, { formationProfessionnelle: null }]);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['_entities', 0, 'formationProfessionnelle'], { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'region', retryable: true }],
      [['_entities', 1, 'formationProfessionnelle'], { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'region', retryable: true }],
    ]);
    expect(JSON.stringify(result)).not.toContain('legacy.test');
    // 1 call and 3 retries: a read is retried on a 5xx (the kit's default _LEGACY_RETRIES).
    expect(await batchSizes()).toEqual([2, 2, 2, 2]);
  });

  it('costs a failing call its own 20 usagers only', async () => {
    const failing = persona('rsa-isolee').nir;
    bed.legacy.use(
      http.post(consultationUrl, async ({ request }) =>
        (await request.clone().text()).includes(failing) ? HttpResponse.json({ code_erreur: 'ERREUR_TECHNIQUE', libelle: 'Erreur' }, { status: 500 }) : undefined,
      ),
    );
    const people = [persona('rsa-isolee'), ...inconnus.slice(0, 19), persona('demandeur-emploi')];
    const result = await entities(
      people.map((p) => rep(p)),
      'formationProfessionnelle { numeroStagiaire }',
    );
    expect(result.data?._entities[20]).toEqual({ formationProfessionnelle: { numeroStagiaire: 'R760052817' } });
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual(
      Array.from({ length: 20 }, (_, i) => [['_entities', i, 'formationProfessionnelle'], { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'region', retryable: true }]),
    );
    // The failing batch is retried (1 + 3 calls), the other one is not.
    expect(await batchSizes()).toEqual([20, 1, 20, 20, 20]);
  });

  const severineNir = () => persona('rsa-isolee').nir;
  const inscription = {
    action: {
      codeAction: '26PP12-0041',
      intitule: 'Projet Pro',
      dispositif: 'PPRO',
      certification: null,
      organisme: { raisonSociale: 'RIF', siret: '41287365400027' },
      lieu: { commune: 'Rodez', codeInsee: '12202' },
      dateDebut: '06/07/2026',
      dateFin: '18/12/2026',
      dureeHeures: 560,
    },
    codeStatut: '20',
    dateEntree: '06/07/2026',
    dateSortie: null,
    heuresRealisees: 392,
    regimeRemuneration: 'REG',
    remuneration: { codeBareme: 'A26', montantMensuel: '685,00', etat: 'PAI', versements: [] },
  };
  const stagiaire = (changes: Record<string, unknown>) => ({
    stagiaires: [{ nir: severineNir(), dateNaissance: '17/04/1986', numeroStagiaire: 'R760041233', inscriptions: [{ ...inscription, ...changes }] }],
    nombreNonTrouves: 0,
  });
  it.each<[string, () => Record<string, unknown>]>([
    ['an answer without its count', () => ({ stagiaires: [] })],
    ['an ISO entry date', () => stagiaire({ dateEntree: '2026-07-06' })],
    ['an undocumented enrolment state', () => stagiaire({ codeStatut: '50' })],
    ['an amount with a decimal point', () => stagiaire({ remuneration: { ...inscription.remuneration, montantMensuel: '685.00' } })],
    ['an amount in cents', () => stagiaire({ remuneration: { ...inscription.remuneration, montantMensuel: 68500 } })],
    ['an undocumented scale', () => stagiaire({ remuneration: { ...inscription.remuneration, codeBareme: 'B' } })],
  ])('reports %s as PARTENAIRE_REPONSE_INVALIDE, without the NIR', async (_case, payload) => {
    bed.legacy.use(http.post(consultationUrl, () => HttpResponse.json(payload())));
    const result = await entities([rep(persona('rsa-isolee'))], 'formationProfessionnelle { numeroStagiaire }');
    expect(result.data?._entities).toEqual([{ formationProfessionnelle: null }]);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['_entities', 0, 'formationProfessionnelle'], { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'region', retryable: false }],
    ]);
    expect(JSON.stringify(result)).not.toContain(severineNir());
  });

  it('turns a refused key into PARTENAIRE_ACCES_REFUSE', async () => {
    bed.legacy.use(http.post(consultationUrl, () => HttpResponse.json({ code_erreur: 'AUTH_REFUSEE', libelle: "Clé d'API absente ou invalide" }, { status: 401 })));
    const result = await entities([rep(persona('rsa-isolee'))], 'formationProfessionnelle { numeroStagiaire }');
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([[['_entities', 0, 'formationProfessionnelle'], { code: 'PARTENAIRE_ACCES_REFUSE', partenaire: 'region', retryable: false }]]);
  });
});
