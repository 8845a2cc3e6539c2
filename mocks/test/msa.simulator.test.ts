import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, useLegacyTestServer } from '../src/index';

const population = createPopulation({ size: 300, seed: 7 });
const msa = legacySystem('msa');

const lot = (body: unknown, headers?: Record<string, string>) => postLegacy('msa', '/sia/adherents/v1/consultation-lot', body, headers);
const nirOf = (ref: string) => population.personneParRef.get(ref)!.nir;

interface LotAnswer {
  adherents: Array<{ nir: string } & Record<string, unknown>>;
  nb_non_identifies: number;
}
const answer = async (nirs: string[]) => (await (await lot({ nirs_recherches: nirs })).json()) as LotAnswer;

useLegacyTestServer(population, ['msa']);

describe('MSA simulator', () => {
  it('is registered with its conventions', () => {
    expect(msa).toMatchObject({ name: 'msa', prefix: '/msa', apiKeyHeader: 'X-Msa-Jeton', maxBatchSize: 100 });
  });

  it.each(keyRefusalCases('msa', 'X-Api-Key'))('refuses a call %s with 401', async (_case, headers) => {
    const response = await lot({ nirs_recherches: [nirOf('persona:exploitant-agricole')] }, headers);
    await expectLegacyError(response, 401, keyRefused);
  });

  it('accepts 100 NIRs and refuses 101 with 413', async () => {
    const nirs = population.personnes.slice(0, 101).map((p) => p.nir);
    expect((await lot({ nirs_recherches: nirs.slice(0, 100) })).status).toBe(200);
    const response = await lot({ nirs_recherches: nirs });
    await expectLegacyError(response, 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 100 NIR par appel' });
  });

  it.each([
    ['unreadable JSON', '{', 'Corps JSON illisible'],
    ['the CAF field name', { liste_nir: ['171051230000130'] }, 'Champ invalide : nirs_recherches'],
    ['an empty list', { nirs_recherches: [] }, 'Champ invalide : nirs_recherches'],
    ['a malformed NIR', { nirs_recherches: ['171051230000130', '1710512'] }, 'Champ invalide : nirs_recherches.1'],
  ])('answers 400 to %s', async (_case, body, libelle) => {
    const response = await lot(body);
    await expectLegacyError(response, 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it('returns the farmer’s family file, RSA, health cover and no pension in its legacy format', async () => {
    const nir = population.persona('exploitant-agricole').nir;
    const response = await lot({ nirs_recherches: [nir] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      adherents: [
        {
          nir,
          no_adherent: 'MSA0012345',
          cd_qualite: 'ASS',
          cd_activite: 'EXP',
          famille: {
            cd_role: 'RESP',
            nb_adultes: 1,
            enfants: [
              { prenom: 'Léa', dt_naissance: '20110917' },
              { prenom: 'Hugo', dt_naissance: '20140203' },
            ],
            qf: 460,
            prestations: [
              // RSA couple or parent + 1 child 96 978 + extra child 25 860 − resources 80 000
              { cd_prestation: 'RSA', mt_mensuel: 42838, dt_effet: '20250401', rsa: { etatdosrsa: '2', ind_majoration: 'N', ind_droits_devoirs: 'O' } },
              { cd_prestation: 'AF', mt_mensuel: 15105, dt_effet: '20140301', rsa: null },
            ],
          },
          sante: { css: { cd_css: 'P', dt_fin: '20270501' }, ind_medecin_traitant: 'O' },
          pension: null,
        },
      ],
      nb_non_identifies: 0,
    });
  });

  it('returns a child as an ayant droit, with the household number and cover but no family file', async () => {
    const body = await answer([nirOf('persona:enfant-4')]);
    expect(body.adherents).toEqual([
      {
        nir: nirOf('persona:enfant-4'),
        no_adherent: 'MSA0012345',
        cd_qualite: 'AYD',
        cd_activite: null,
        famille: null,
        sante: { css: { cd_css: 'P', dt_fin: '20270501' }, ind_medecin_traitant: 'O' },
        pension: null,
      },
    ]);
  });

  it('returns a retired farmer’s pension as the population holds it', async () => {
    const dossier = population.msa.find((d) => d.retraites.length > 0);
    const retraite = dossier?.retraites[0];
    expect(retraite?.statut).toBe('RETRAITE');
    const nir = population.personneParRef.get(retraite!.personne)!.nir;
    const [adherent] = (await answer([nir])).adherents;
    expect(adherent).toMatchObject({ no_adherent: dossier!.numeroAdherent, cd_qualite: 'ASS', cd_activite: 'RET' });
    expect(adherent?.pension).toEqual({ cd_etat: 'SER', mt_brut_mensuel: retraite!.pensionMensuelleCents, dt_effet: retraite!.dateEffet!.replaceAll('-', '') });
  });

  it('serves every member of every agricultural household, and nobody else', async () => {
    const members = [...population.dossierMsaParRef.keys()].map((ref) => nirOf(ref));
    const others = population.personnes
      .filter((p) => !population.dossierMsaParRef.has(p.ref))
      .slice(0, 100 - members.length)
      .map((p) => p.nir);
    expect(members.length).toBeGreaterThan(10);
    const body = await answer([...members, ...others]);
    expect(body.adherents.map((a) => a.nir).sort()).toEqual([...members].sort());
    expect(body.nb_non_identifies).toBe(others.length);
  });

  it('leaves out the general regime, other regimes and unknown NIRs, and counts them once each', async () => {
    const absent = [population.persona('rsa-isolee').nir, population.persona('registre-seul').nir, population.persona('demandeur-emploi').nir, '299999999999905'];
    const known = population.persona('exploitant-agricole').nir;
    const body = await answer([...absent, known, known]);
    expect(body.adherents.map((a) => a.nir)).toEqual([known]);
    expect(body.nb_non_identifies).toBe(absent.length);
  });
});
