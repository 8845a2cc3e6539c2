import { createPopulation, legacySystem, queryEntities, scale2025, testUrlOf, unknownNir, useSubgraphTestBed, type PersonaKey } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadMsaConfig } from '../src/index';

const lotUrl = `${testUrlOf('msa')}/sia/adherents/v1/consultation-lot`;
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['msa'],
  start: () => createServer(loadMsaConfig({ MSA_PORT: '0', MSA_LEGACY_URL: testUrlOf('msa'), MSA_LEGACY_API_KEY: legacySystem('msa').devApiKey }), silentLogger),
});

/** The size of each batch sent to MSA during the current test, in call order. */
const msaBatches = async () => (await bed.calls('msa').bodies()).map((body) => (body as { nirs_recherches: string[] }).nirs_recherches.length);
/** Resolves usagers by NIR, as the gateway asks this subgraph. */
const entities = (nirs: string[], selection: string) =>
  queryEntities<{ msa: Record<string, unknown> | null }>(
    bed.server,
    nirs.map((nir) => ({ nir })),
    selection,
  );
const nirOf = (key: PersonaKey) => population.persona(key).nir;
const fullMsa = `msa {
  numeroAdherent qualite activite
  prestationsFamiliales {
    role quotientFamilial
    foyer { nombreAdultes enfants { prenom dateNaissance } }
    droits { prestation montantMensuel dateDebut }
    rsa { etat codeEtat majore soumisDroitsEtDevoirs montantMensuel dateDebut }
  }
  couvertureSante { c2s { statut dateFin } medecinTraitantDeclare }
  retraite { statut pensionMensuelle dateEffet }
}`;
const c2sAvecParticipation = { c2s: { statut: 'AVEC_PARTICIPATION', dateFin: '2027-05-01' }, medecinTraitantDeclare: true };

describe('msa subgraph', () => {
  it('serves the farmer’s whole file: RSA and family allowances, two children, C2S with participation, no pension', async () => {
    const result = await entities([nirOf('exploitant-agricole')], fullMsa);
    expect(result.errors).toBeUndefined();
    // RSA for a parent with two children minus the household's 800 € of resources.
    expect((scale2025.rsaCoupleOuParentUnEnfant + scale2025.rsaParEnfantSupplementaire - 80_000) / 100).toBe(428.38);
    expect(result.data?._entities).toEqual([
      {
        msa: {
          numeroAdherent: 'MSA0012345',
          qualite: 'ASSURE',
          activite: 'EXPLOITANT',
          prestationsFamiliales: {
            role: 'ALLOCATAIRE',
            quotientFamilial: 460,
            foyer: {
              nombreAdultes: 1,
              enfants: [
                { prenom: 'Léa', dateNaissance: '2011-09-17' },
                { prenom: 'Hugo', dateNaissance: '2014-02-03' },
              ],
            },
            droits: [
              { prestation: 'RSA', montantMensuel: 428.38, dateDebut: '2025-04-01' },
              { prestation: 'ALLOCATIONS_FAMILIALES', montantMensuel: 151.05, dateDebut: '2014-03-01' },
            ],
            rsa: { etat: 'OUVERT_VERSE', codeEtat: 2, majore: false, soumisDroitsEtDevoirs: true, montantMensuel: 428.38, dateDebut: '2025-04-01' },
          },
          couvertureSante: c2sAvecParticipation,
          retraite: null,
        },
      },
    ]);
  });

  it('serves the farmer’s children as ayants droit: same number and cover, no activity, no family file', async () => {
    const kids = ['persona:enfant-4', 'persona:enfant-5'].map((ref) => population.personneParRef.get(ref)!.nir);
    const result = await entities(kids, fullMsa);
    expect(result.errors).toBeUndefined();
    const ayantDroit = { numeroAdherent: 'MSA0012345', qualite: 'AYANT_DROIT', activite: null, prestationsFamiliales: null, couvertureSante: c2sAvecParticipation, retraite: null };
    expect(result.data?._entities).toEqual([{ msa: ayantDroit }, { msa: ayantDroit }]);
    expect(await msaBatches()).toEqual([2]);
  });

  it('answers msa: null for every other persona, with one MSA call', async () => {
    const others = population.personas.map((p) => p.key).filter((key) => key !== 'exploitant-agricole');
    // Thirteen since the micro-entrepreneur persona (general regime, unknown to MSA) joined.
    expect(others).toHaveLength(13);
    const result = await entities(others.map(nirOf), 'msa { numeroAdherent }');
    expect(result).toEqual({ data: { _entities: others.map(() => ({ msa: null })) } });
    expect(await msaBatches()).toEqual([13]);
  });

  it('serves a retired farmer’s pension in euros and ISO dates, as the population holds it', async () => {
    const dossier = population.msa.find((d) => d.retraites.length > 0)!;
    const pension = dossier.retraites[0]!;
    const result = await entities([population.personneParRef.get(pension.personne)!.nir], 'msa { numeroAdherent qualite activite retraite { statut pensionMensuelle dateEffet } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        msa: {
          numeroAdherent: dossier.numeroAdherent,
          qualite: 'ASSURE',
          activite: 'RETRAITE',
          retraite: { statut: 'RETRAITE', pensionMensuelle: pension.pensionMensuelleCents! / 100, dateEffet: pension.dateEffet },
        },
      },
    ]);
  });

  it('answers msa: null without error for an unknown NIR and a malformed NIR, spending no call on the malformed one', async () => {
    const result = await entities([unknownNir(), 'not-a-nir'], 'msa { numeroAdherent }');
    expect(result).toEqual({ data: { _entities: [{ msa: null }, { msa: null }] } });
    expect(await msaBatches()).toEqual([1]);
    bed.calls('msa').reset();
    const badKeyOnly = await entities(['171051230000199'], 'msa { numeroAdherent }');
    expect(badKeyOnly).toEqual({ data: { _entities: [{ msa: null }] } });
    expect(bed.calls('msa').count()).toBe(0);
  });

  it('answers 100 representations in order, every MSA member and unknown ones included, with one MSA call', async () => {
    const members = [...population.dossierMsaParRef.keys()].map((ref) => population.personneParRef.get(ref)!.nir);
    const others = population.personnes
      .filter((p) => !population.dossierMsaParRef.has(p.ref))
      .slice(0, 98 - members.length)
      .map((p) => p.nir);
    const nirs = [...others.slice(0, 40), ...members, unknownNir(1), ...others.slice(40), unknownNir(2)];
    expect(nirs).toHaveLength(100);
    const expected = nirs.map((nir) => {
      const personne = population.personneParNir.get(nir);
      const dossier = personne ? population.dossierMsaParRef.get(personne.ref) : undefined;
      if (!personne || !dossier) return { msa: null };
      const role = dossier.famille?.allocataire === personne.ref ? 'ALLOCATAIRE' : dossier.famille?.conjoint === personne.ref ? 'CONJOINT' : null;
      const assure = dossier.activites.some((a) => a.personne === personne.ref);
      return { msa: { numeroAdherent: dossier.numeroAdherent, qualite: assure ? 'ASSURE' : 'AYANT_DROIT', prestationsFamiliales: role ? { role } : null } };
    });
    expect(expected.filter((e) => e.msa?.prestationsFamiliales?.role === 'CONJOINT').length).toBeGreaterThan(2);
    expect(expected.filter((e) => e.msa?.qualite === 'AYANT_DROIT').length).toBeGreaterThan(2);
    const result = await entities(nirs, 'msa { numeroAdherent qualite prestationsFamiliales { role } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(expected);
    expect(await msaBatches()).toEqual([100]);
  });

  it('splits 101 distinct NIRs into two MSA calls', async () => {
    const result = await entities(
      population.personnes.slice(0, 101).map((p) => p.nir),
      'msa { numeroAdherent }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toHaveLength(101);
    expect((await msaBatches()).sort((a, b) => b - a)).toEqual([100, 1]);
  });

  it('turns an MSA outage into PARTENAIRE_INDISPONIBLE for each usager, without the legacy URL', async () => {
    bed.legacy.use(http.post(lotUrl, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await entities([nirOf('exploitant-agricole'), nirOf('rsa-isolee')], 'msa { numeroAdherent }');
    expect(result.data?._entities).toEqual([{ msa: null }, { msa: null }]);
    expect(result.errors?.map((e) => e.path)).toEqual([
      ['_entities', 0, 'msa'],
      ['_entities', 1, 'msa'],
    ]);
    for (const error of result.errors ?? []) expect(error.extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'msa', retryable: true });
    expect(JSON.stringify(result)).not.toContain('legacy.test');
    // 1 call and 3 retries: a read is retried on a 5xx (the kit's default _LEGACY_RETRIES).
    expect(bed.calls('msa').count()).toBe(4);
  });

  it('turns a refused API key into PARTENAIRE_ACCES_REFUSE', async () => {
    bed.legacy.use(http.post(lotUrl, () => HttpResponse.json({ code_erreur: 'AUTH_REFUSEE', libelle: "Clé d'API absente ou invalide" }, { status: 401 })));
    const result = await entities([nirOf('exploitant-agricole')], 'msa { numeroAdherent }');
    expect(result.data?._entities).toEqual([{ msa: null }]);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'PARTENAIRE_ACCES_REFUSE', partenaire: 'msa', retryable: false });
  });

  const adherent = (overrides: Record<string, unknown>) => ({
    nir: '171051230000130',
    no_adherent: 'MSA0012345',
    cd_qualite: 'ASS',
    cd_activite: 'EXP',
    famille: null,
    sante: { css: { cd_css: 'P', dt_fin: '20270501' }, ind_medecin_traitant: 'O' },
    pension: null,
    ...overrides,
  });
  const famille = (prestations: unknown[]) => ({ cd_role: 'RESP', nb_adultes: 1, enfants: [], qf: 460, prestations });

  it.each([
    ['a field of the wrong type', { adherents: [{ nir: 1 }], nb_non_identifies: 0 }],
    ['an RSA benefit without its state', { adherents: [adherent({ famille: famille([{ cd_prestation: 'RSA', mt_mensuel: 42838, dt_effet: '20250401', rsa: null }]) })], nb_non_identifies: 0 }],
    ['an undocumented benefit code', { adherents: [adherent({ famille: famille([{ cd_prestation: 'PAJE', mt_mensuel: 100, dt_effet: '20250401', rsa: null }]) })], nb_non_identifies: 0 }],
    ['an undocumented C2S code', { adherents: [adherent({ sante: { css: { cd_css: '2', dt_fin: null }, ind_medecin_traitant: 'O' } })], nb_non_identifies: 0 }],
    ['a partial pension date', { adherents: [adherent({ pension: { cd_etat: 'SER', mt_brut_mensuel: 82570, dt_effet: '19970700' } })], nb_non_identifies: 0 }],
  ])('reports an MSA payload with %s as PARTENAIRE_REPONSE_INVALIDE', async (_case, payload) => {
    bed.legacy.use(http.post(lotUrl, () => HttpResponse.json(payload)));
    const result = await entities([nirOf('exploitant-agricole')], 'msa { numeroAdherent }');
    expect(result.data?._entities).toEqual([{ msa: null }]);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'msa', retryable: false });
    expect(JSON.stringify(result)).not.toContain(nirOf('exploitant-agricole'));
  });
});
