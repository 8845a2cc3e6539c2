import { createPopulation, legacySystem, postGraphQL, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type PersonaKey } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadDepartementConfig } from '../src/index';

const lotUrl = `${testUrlOf('departement')}/api/rsa/v1/beneficiaires/lot`;
// 1,500 people: ref-001's caseload holds two personas and fifty generated usagers.
const population = createPopulation({ size: 1500, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['departement'],
  start: () =>
    createServer(loadDepartementConfig({ DEPARTEMENT_PORT: '0', DEPARTEMENT_LEGACY_URL: testUrlOf('departement'), DEPARTEMENT_LEGACY_API_KEY: legacySystem('departement').devApiKey }), silentLogger),
});

type Entity = Record<string, unknown>;
const calls = () => bed.calls('departement').count();
const entities = (keys: Array<Record<string, unknown>>, selection: string) => queryEntities<Entity>(bed.server, keys, selection);
const byNir = (nirs: string[], selection: string) =>
  entities(
    nirs.map((nir) => ({ nir })),
    selection,
  );
const nirOf = (key: PersonaKey) => population.persona(key).nir;
const graphql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => postGraphQL<T>(bed.server, query, variables);

const mds = 'Département – Maison des solidarités de Rodez';
const nadia = { id: 'ref-001', nom: 'Nadia Cayla', structure: mds };
const full = `rsa { etat codeEtat payeur soumisDroitsEtDevoirs dateFlux orientation { type organisme date } }
referentDeParcours { referent { id nom structure } depuis jusqua }
historiqueReferents { referent { id nom structure } depuis jusqua }
dossierPartage {
  objectifs { id theme intitule statut dateCreation actions { id intitule statut echeance } }
  notes { id auteur date audience texte }
  rendezVous { id date heure lieu objet avec statut }
  contratEngagement { dateDebut dateFin objectifs { id } }
}
oppositions { partenaire dateOpposition recueilliePar active dateLevee }`;
const portefeuille = `query($ref: ID!, $premier: Int, $apres: String, $orientation: TypeOrientation, $etat: EtatRsaDepartement) {
  monPortefeuille(referentId: $ref, premier: $premier, apres: $apres, orientation: $orientation, etatRsa: $etat) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { rsa { etat orientation { type } } referentDeParcours { referent { id } } } }
  }
}`;
type Page = {
  monPortefeuille: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: Array<{ cursor: string; node: { rsa: { etat: string; orientation: { type: string } } } }>;
  };
};

describe('departement subgraph: reads', () => {
  it("serves the single RSA recipient's whole file to her référent: RSA, référents, shared file (every note), no objection", async () => {
    const asNadia = {
      caller: { subject: 'agent-ref-001', kind: 'agent' as const, roles: ['referent' as const], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null },
      finalite: 'accompagnement' as const,
    };
    const result = await queryEntities<Entity>(bed.server, [{ nir: nirOf('rsa-isolee') }], full, 'Usager', { appel: asNadia });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        rsa: {
          etat: 'OUVERT_VERSE',
          codeEtat: 2,
          payeur: 'CAF',
          soumisDroitsEtDevoirs: true,
          dateFlux: '2026-11-01',
          orientation: { type: 'SOCIO_PROFESSIONNEL', organisme: mds, date: '2024-03-04' },
        },
        referentDeParcours: { referent: nadia, depuis: '2025-02-01', jusqua: null },
        historiqueReferents: [
          { referent: nadia, depuis: '2025-02-01', jusqua: null },
          { referent: { id: 'ref-002', nom: 'Laurent Bras', structure: mds }, depuis: '2024-03-04', jusqua: '2025-01-31' },
        ],
        dossierPartage: {
          objectifs: [
            {
              id: 'OBJ-000001',
              theme: 'MOBILITE',
              intitule: 'Obtenir le permis de conduire',
              statut: 'EN_COURS',
              dateCreation: '2025-02-10',
              actions: [
                { id: 'ACT-000001', intitule: "Inscription à l'auto-école sociale de Rodez", statut: 'REALISEE', echeance: '2025-03-31' },
                { id: 'ACT-000002', intitule: "Financement du code par l'aide départementale à la mobilité", statut: 'EN_COURS', echeance: '2026-12-15' },
                { id: 'ACT-000003', intitule: "Passage de l'examen du code", statut: 'PREVUE', echeance: '2027-02-28' },
              ],
            },
            {
              id: 'OBJ-000002',
              theme: 'LOGEMENT',
              intitule: 'Résorber la dette locative auprès de Rodez Agglo Habitat',
              statut: 'EN_COURS',
              dateCreation: '2025-02-10',
              actions: [
                { id: 'ACT-000004', intitule: 'Saisine du fonds de solidarité logement (FSL)', statut: 'EN_ATTENTE', echeance: '2026-11-30' },
                { id: 'ACT-000005', intitule: "Reprise du plan d'apurement de 40 € par mois", statut: 'ABANDONNEE', echeance: '2026-06-30' },
                { id: 'ACT-000006', intitule: 'Rencontre avec la conseillère sociale du bailleur', statut: 'ANNULEE', echeance: '2026-06-12' },
              ],
            },
          ],
          notes: [
            { id: 'NOT-000001', auteur: 'Nadia Cayla', date: '2026-10-14', audience: 'EQUIPE', texte: 'Point mensuel : code de la route commencé, dossier FSL déposé, en attente de la commission.' },
            { id: 'NOT-000002', auteur: 'Nadia Cayla', date: '2026-10-14', audience: 'USAGER', texte: 'Prochaines étapes convenues : examen du code, réponse du FSL.' },
          ],
          rendezVous: [
            { id: 'RDV-000001', date: '2026-06-12', heure: '10:00', lieu: 'Rodez Agglo Habitat', objet: 'Rencontre avec la conseillère sociale du bailleur', avec: 'Nadia Cayla', statut: 'ANNULE' },
            { id: 'RDV-000002', date: '2026-11-18', heure: '14:30', lieu: 'Maison des solidarités de Rodez', objet: "Point d'étape du contrat d'engagement", avec: 'Nadia Cayla', statut: 'PLANIFIE' },
          ],
          contratEngagement: { dateDebut: '2026-03-01', dateFin: '2027-02-28', objectifs: [{ id: 'OBJ-000001' }, { id: 'OBJ-000002' }] },
        },
        oppositions: [],
      },
    ]);
    expect(calls()).toBe(1);
  });

  it('serves the other accompanied personas as documented, in one call', async () => {
    const result = await byNir(
      [nirOf('sans-domicile'), nirOf('homonyme-rodez'), nirOf('exploitant-agricole')],
      `rsa { payeur etat orientation { type organisme date } } referentDeParcours { referent { id nom structure } depuis } dossierPartage { objectifs { id theme statut actions { id statut } } contratEngagement { dateDebut } } oppositions { partenaire dateOpposition recueilliePar active dateLevee }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        rsa: { payeur: 'CAF', etat: 'OUVERT_VERSE', orientation: { type: 'SOCIAL', organisme: mds, date: '2025-03-20' } },
        referentDeParcours: { referent: nadia, depuis: '2025-03-20' },
        dossierPartage: { objectifs: [{ id: 'OBJ-000003', theme: 'LOGEMENT', statut: 'EN_COURS', actions: [{ id: 'ACT-000007', statut: 'EN_COURS' }] }], contratEngagement: null },
        oppositions: [],
      },
      {
        rsa: { payeur: 'CAF', etat: 'OUVERT_VERSE', orientation: { type: 'PROFESSIONNEL', organisme: 'France Travail Rodez', date: '2025-10-06' } },
        referentDeParcours: { referent: { id: 'ref-007', nom: 'Olivier Costes', structure: 'France Travail Rodez' }, depuis: '2025-10-06' },
        dossierPartage: { objectifs: [], contratEngagement: null },
        oppositions: [
          { partenaire: 'CPAM', dateOpposition: '2025-10-10', recueilliePar: 'Olivier Costes', active: false, dateLevee: '2025-10-24' },
          { partenaire: 'BAILLEURS', dateOpposition: '2025-11-03', recueilliePar: 'Olivier Costes', active: true, dateLevee: null },
        ],
      },
      {
        rsa: { payeur: 'MSA', etat: 'OUVERT_VERSE', orientation: { type: 'SOCIO_PROFESSIONNEL', organisme: 'MSA Midi-Pyrénées Nord – Aveyron', date: '2025-05-12' } },
        referentDeParcours: { referent: { id: 'ref-015', nom: 'Isabelle Rigal', structure: 'MSA Midi-Pyrénées Nord – Aveyron' }, depuis: '2025-05-12' },
        dossierPartage: { objectifs: [], contratEngagement: null },
        oppositions: [],
      },
    ]);
    expect(calls()).toBe(1);
  });

  it('answers null for every field of people without a file, an unknown NIR and a malformed NIR, spending no call on the malformed one', async () => {
    const nulls = { rsa: null, referentDeParcours: null, historiqueReferents: null, dossierPartage: null, oppositions: null };
    const result = await byNir(
      [nirOf('couple-parent-1'), nirOf('registre-seul'), unknownNir(), 'not-a-nir'],
      'rsa { etat } referentDeParcours { depuis } historiqueReferents { depuis } dossierPartage { notes { id } } oppositions { active }',
    );
    expect(result).toEqual({ data: { _entities: [nulls, nulls, nulls, nulls] } });
    expect(calls()).toBe(1);
    expect(await byNir(['286041220200199'], 'rsa { etat }')).toEqual({ data: { _entities: [{ rsa: null }] } });
    expect(calls()).toBe(1);
  });

  it('answers 100 representations in order with one call, and splits 101 into two', async () => {
    const files = population.caf.filter((d) => d.droits.some((r) => r.prestation === 'RSA')).map((d) => population.personneParRef.get(d.allocataire)!.nir);
    const nirs = [...files.slice(0, 60), ...population.personnes.slice(0, 40).map((p) => p.nir)];
    const result = await byNir(nirs, 'rsa { payeur }');
    expect(result.errors).toBeUndefined();
    const rsa = (result.data?._entities ?? []).map((e) => e?.rsa);
    expect(rsa.slice(0, 60)).toEqual(Array(60).fill({ payeur: 'CAF' }));
    expect(rsa.filter((r) => r === null).length).toBeGreaterThan(20);
    expect(calls()).toBe(1);
    const more = await byNir(
      population.personnes.slice(0, 101).map((p) => p.nir),
      'rsa { payeur }',
    );
    expect(more.data?._entities).toHaveLength(101);
    expect(calls()).toBe(3);
  });

  it('turns an outage of the Département into PARTENAIRE_INDISPONIBLE for each usager, without the legacy URL', async () => {
    bed.legacy.use(http.post(lotUrl, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await byNir([nirOf('rsa-isolee'), nirOf('sans-domicile')], 'rsa { etat }');
    expect(result.data?._entities).toEqual([{ rsa: null }, { rsa: null }]);
    expect(result.errors?.map((e) => e.path)).toEqual([
      ['_entities', 0, 'rsa'],
      ['_entities', 1, 'rsa'],
    ]);
    for (const error of result.errors ?? []) expect(error.extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'departement', retryable: true });
    expect(JSON.stringify(result)).not.toContain('legacy.test');
    // 1 call and 3 retries: a read is retried on a 5xx (the kit's default _LEGACY_RETRIES).
    expect(calls()).toBe(4);
  });

  it.each([
    ['a field of the wrong type', { beneficiaires: [{ nir: 1 }], nb_inconnus: 0 }],
    [
      'an undocumented orientation code',
      {
        beneficiaires: [
          {
            nir: '286041220200135',
            dossier_rsa: {
              cd_organisme_payeur: 'CAF',
              no_dossier: '0412345',
              etat_dossier: '2',
              top_droits_devoirs: 'O',
              dt_flux: '20261101',
              orientation: { cd_type: 'SOCIAL', lib_organisme: 'x', dt_orientation: '20240304' },
            },
            referents: [],
            objectifs: [],
            notes: [],
            rendez_vous: [],
            contrat: null,
            oppositions: [],
          },
        ],
        nb_inconnus: 0,
      },
    ],
    [
      'an ISO date',
      {
        beneficiaires: [
          {
            nir: '286041220200135',
            dossier_rsa: { cd_organisme_payeur: 'CAF', no_dossier: '0412345', etat_dossier: '2', top_droits_devoirs: 'O', dt_flux: '2026-11-01', orientation: null },
            referents: [],
            objectifs: [],
            notes: [],
            rendez_vous: [],
            contrat: null,
            oppositions: [],
          },
        ],
        nb_inconnus: 0,
      },
    ],
  ])('reports a Département payload with %s as PARTENAIRE_REPONSE_INVALIDE', async (_case, payload) => {
    bed.legacy.use(http.post(lotUrl, () => HttpResponse.json(payload)));
    const result = await byNir([nirOf('rsa-isolee')], 'rsa { etat }');
    expect(result.data?._entities).toEqual([{ rsa: null }]);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'departement', retryable: false });
    expect(JSON.stringify(result)).not.toContain(nirOf('rsa-isolee'));
  });
});

describe('departement subgraph: synthese', () => {
  // What the gateway sends along with the key: the other partners' fields @requires names.
  const rsaIsolee = {
    nir: nirOf('rsa-isolee'),
    caf: {
      droits: [
        { prestation: 'RSA', montantMensuel: 568.94 },
        { prestation: 'APL', montantMensuel: 280 },
      ],
    },
    cpam: { c2s: { statut: 'SANS_PARTICIPATION', dateFin: '2027-05-01' } },
    logementSocial: {
      bailleurs: [
        { bailleur: { code: 'RAH', nom: 'Rodez Agglo Habitat' }, baux: [{ moisImpayes: 3, solde: 246, planApurement: { respecte: false } }] },
        { bailleur: { code: 'AH', nom: 'Aveyron Habitat' }, baux: [] },
      ],
    },
  };
  const selection = 'synthese { droitsOuverts { droit partenaire montantMensuel dateFin } alertes { type partenaire message } }';

  it("sums up the single RSA recipient's rights and alerts from CAF, CPAM, the landlords and the Département", async () => {
    const result = await entities([rsaIsolee], selection);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        synthese: {
          droitsOuverts: [
            { droit: 'RSA', partenaire: 'CAF', montantMensuel: 568.94, dateFin: null },
            { droit: 'AIDE_LOGEMENT', partenaire: 'CAF', montantMensuel: 280, dateFin: null },
            { droit: 'C2S_SANS_PARTICIPATION', partenaire: 'CPAM', montantMensuel: null, dateFin: '2027-05-01' },
          ],
          alertes: [
            { type: 'IMPAYE_LOYER', partenaire: 'BAILLEURS', message: '3 mois de loyer impayés chez Rodez Agglo Habitat (solde 246,00 €).' },
            { type: 'PLAN_APUREMENT_NON_RESPECTE', partenaire: 'BAILLEURS', message: "Plan d'apurement non respecté chez Rodez Agglo Habitat." },
          ],
        },
      },
    ]);
  });

  it('takes the RSA of the farmer from the Département’s MSA file, and counts a failed or unknown partner as nothing', async () => {
    const result = await entities(
      [
        { nir: nirOf('exploitant-agricole'), caf: null, cpam: null, logementSocial: { bailleurs: [null, { bailleur: { code: 'AH', nom: 'Aveyron Habitat' }, baux: [] }] } },
        { nir: nirOf('ne-en-corse'), caf: { droits: [{ prestation: 'PRIME_ACTIVITE', montantMensuel: 97 }] }, cpam: { c2s: { statut: 'NON', dateFin: null } }, logementSocial: null },
      ],
      selection,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { synthese: { droitsOuverts: [{ droit: 'RSA', partenaire: 'MSA', montantMensuel: null, dateFin: null }], alertes: [] } },
      { synthese: { droitsOuverts: [{ droit: 'PRIME_ACTIVITE', partenaire: 'CAF', montantMensuel: 97, dateFin: null }], alertes: [] } },
    ]);
    expect(calls()).toBe(1);
  });

  it('warns about a suspended RSA', async () => {
    const dossier = population.caf.find((d) => d.droits.some((r) => r.prestation === 'RSA' && r.etatRsa === 4));
    expect(dossier).toBeDefined();
    const nir = population.personneParRef.get(dossier!.allocataire)!.nir;
    const result = await entities([{ nir, caf: null, cpam: null, logementSocial: null }], 'synthese { alertes { type partenaire message } }');
    expect(result.data?._entities).toEqual([{ synthese: { alertes: [{ type: 'RSA_SUSPENDU', partenaire: 'CAF', message: 'Versement du RSA suspendu (état 4).' }] } }]);
  });
});

describe('departement subgraph: monPortefeuille', () => {
  it("pages through ref-001's 52 usagers, one call per page, their Département fields included", async () => {
    const seen: string[] = [];
    let apres: string | null = null;
    const pages: Page['monPortefeuille'][] = [];
    do {
      const result: Awaited<ReturnType<typeof graphql<Page>>> = await graphql<Page>(portefeuille, { ref: 'ref-001', premier: 20, apres });
      expect(result.errors).toBeUndefined();
      const page = result.data!.monPortefeuille;
      pages.push(page);
      seen.push(...page.edges.map((e) => e.cursor));
      apres = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (apres !== null);
    expect(pages.map((p) => [p.totalCount, p.edges.length, p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage])).toEqual([
      [52, 20, false, true],
      [52, 20, true, true],
      [52, 12, true, false],
    ]);
    expect(new Set(seen).size).toBe(52);
    expect(pages[0]!.pageInfo.startCursor).toBe(pages[0]!.edges[0]!.cursor);
    for (const page of pages) for (const edge of page.edges) expect(edge.node).toMatchObject({ referentDeParcours: { referent: { id: 'ref-001' } } });
    expect(calls()).toBe(3);
  });

  it('filters by orientation and by RSA state, with the totals of the filters', async () => {
    const all = (await graphql<Page>(portefeuille, { ref: 'ref-001', premier: 100 })).data!.monPortefeuille.edges.map((e) => e.node.rsa);
    const social = (await graphql<Page>(portefeuille, { ref: 'ref-001', premier: 100, orientation: 'SOCIAL' })).data!.monPortefeuille;
    expect(social.totalCount).toBe(all.filter((r) => r.orientation.type === 'SOCIAL').length);
    expect(social.totalCount).toBeGreaterThan(10);
    expect(social.edges.every((e) => e.node.rsa.orientation.type === 'SOCIAL')).toBe(true);
    const suspendu = (await graphql<Page>(portefeuille, { ref: 'ref-001', premier: 100, etat: 'OUVERT_SUSPENDU' })).data!.monPortefeuille;
    expect(suspendu.totalCount).toBe(all.filter((r) => r.etat === 'OUVERT_SUSPENDU').length);
    expect(calls()).toBe(3);
  });

  it('answers an empty page past the end, and OBJET_INTROUVABLE for an unknown référent', async () => {
    const empty = await graphql<Page>(portefeuille, { ref: 'ref-016', premier: 5, orientation: 'SOCIAL' });
    expect(empty).toEqual({ data: { monPortefeuille: { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, edges: [] } } });
    const unknown = await graphql(portefeuille, { ref: 'ref-999' });
    expect(unknown.data).toEqual({ monPortefeuille: null });
    expect(unknown.errors?.[0]).toMatchObject({ message: 'No référent has this id.', extensions: { code: 'OBJET_INTROUVABLE', partenaire: 'departement', argument: 'referentId', retryable: false } });
  });

  it.each([
    ['premier: 0', { premier: 0 }, 'premier', 'premier must be between 1 and 100.'],
    ['premier: 101', { premier: 101 }, 'premier', 'premier must be between 1 and 100.'],
    ['a forged cursor', { apres: Buffer.from('portefeuille:-4').toString('base64url') }, 'apres', 'apres is not a cursor of this caseload.'],
    ['a cursor of something else', { apres: 'YXJyYXljb25uZWN0aW9uOjA' }, 'apres', 'apres is not a cursor of this caseload.'],
  ])('refuses %s with ARGUMENT_INVALIDE, without calling the Département', async (_case, variables, argument, message) => {
    const result = await graphql(portefeuille, { ref: 'ref-001', ...variables });
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'ARGUMENT_INVALIDE', argument, retryable: false } });
    expect(calls()).toBe(0);
  });
});
