import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, unknownNir, useLegacyTestServer } from '../src/index';

const population = createPopulation({ size: 300, seed: 7 });
const franceTravail = legacySystem('france-travail');

const identification = (body: unknown, headers?: Record<string, string>) => postLegacy('france-travail', '/partenaires/v1/individus/identification', body, headers);
const dossiers = (body: unknown, headers?: Record<string, string>) => postLegacy('france-travail', '/partenaires/v1/dossiers/lot', body, headers);
const legacyDate = (iso: string) => iso.replaceAll('-', '');
/** The pair step 1 expects for a person of the population. */
const individu = (ref: string) => {
  const p = population.personneParRef.get(ref)!;
  return { nir: p.nir, date_naissance: legacyDate(p.dateNaissance) };
};

interface IdentificationAnswer {
  individus_identifies: Array<{ nir: string; date_naissance: string; identifiant: string }>;
  nb_non_identifies: number;
}
interface DossiersAnswer {
  dossiers: Array<{ identifiant: string } & Record<string, unknown>>;
  identifiants_inconnus: string[];
}
const identify = async (individus: unknown[]) => (await (await identification({ individus })).json()) as IdentificationAnswer;
const fetchDossiers = async (identifiants: string[]) => (await (await dossiers({ identifiants })).json()) as DossiersAnswer;

useLegacyTestServer(population, ['france-travail']);

describe('France Travail simulator', () => {
  it('is registered with its own header and batches of 50', () => {
    expect(franceTravail).toMatchObject({ name: 'france-travail', prefix: '/france-travail', apiKeyHeader: 'X-FT-Cle', devApiKey: 'dev-ft-3a9c47', maxBatchSize: 50 });
  });

  it.each(keyRefusalCases('france-travail', 'X-Api-Key'))('refuses an identification %s with 401', async (_case, headers) => {
    await expectLegacyError(await identification({ individus: [individu('persona:demandeur-emploi')] }, headers), 401, keyRefused);
  });

  it.each(keyRefusalCases('france-travail', 'X-Msa-Jeton'))('refuses a files request %s with 401', async (_case, headers) => {
    await expectLegacyError(await dossiers({ identifiants: ['0388214B'] }, headers), 401, keyRefused);
  });

  it('identifies 50 people per call and refuses 51 with 413', async () => {
    const individus = population.personnes.slice(0, 51).map((p) => ({ nir: p.nir, date_naissance: legacyDate(p.dateNaissance) }));
    expect((await identification({ individus: individus.slice(0, 50) })).status).toBe(200);
    await expectLegacyError(await identification({ individus }), 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 50 individus par appel' });
  });

  it('serves 50 files per call and refuses 51 with 413', async () => {
    // Well-formed identifiants, known or not: the limit is on the request's size.
    const identifiants = Array.from({ length: 51 }, (_, i) => `${String(5_000_000 + i)}A`);
    expect((await dossiers({ identifiants: identifiants.slice(0, 50) })).status).toBe(200);
    await expectLegacyError(await dossiers({ identifiants }), 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 50 identifiants par appel' });
  });

  it.each([
    ['unreadable JSON', '{', 'Corps JSON illisible'],
    ['the CAF field name', { liste_nir: ['195121220201234'] }, 'Champ invalide : individus'],
    ['an empty list', { individus: [] }, 'Champ invalide : individus'],
    ['a NIR without its date of birth', { individus: [{ nir: '195121220201234' }] }, 'Champ invalide : individus.0.date_naissance'],
    ['an ISO date of birth', { individus: [{ nir: '195121220201234', date_naissance: '1995-12-01' }] }, 'Champ invalide : individus.0.date_naissance'],
    ['a malformed NIR', { individus: [{ nir: '1951212', date_naissance: '19951201' }] }, 'Champ invalide : individus.0.nir'],
  ])('answers 400 to an identification with %s', async (_case, body, libelle) => {
    await expectLegacyError(await identification(body), 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it.each([
    ['unreadable JSON', '{', 'Corps JSON illisible'],
    ['NIRs instead of identifiants', { identifiants: [population.persona('demandeur-emploi').nir] }, 'Champ invalide : identifiants.0'],
    ['an empty list', { identifiants: [] }, 'Champ invalide : identifiants'],
  ])('answers 400 to a files request with %s', async (_case, body, libelle) => {
    await expectLegacyError(await dossiers(body), 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it('identifies the personas it follows by NIR and date of birth, and no one else', async () => {
    const suivis = ['persona:demandeur-emploi', 'persona:rsa-isolee', 'persona:sans-domicile'].map(individu);
    const inconnus = [individu('persona:registre-seul'), individu('persona:exploitant-agricole'), { nir: unknownNir(), date_naissance: '19990101' }];
    const answer = await identify([...inconnus, ...suivis, suivis[0]]);
    expect(answer).toEqual({
      individus_identifies: [
        { ...suivis[0], identifiant: '0388214B' },
        { ...suivis[1], identifiant: '0411723K' },
        { ...suivis[2], identifiant: '0402951R' },
      ],
      nb_non_identifies: 3,
    });
  });

  it('identifies nobody when the date of birth is not the NIR’s person’s, even another person’s', async () => {
    const kevin = individu('persona:demandeur-emploi');
    const autre = population.franceTravail.map((d) => population.personneParRef.get(d.personne)!).find((p) => p.dateNaissance !== population.persona('demandeur-emploi').dateNaissance)!;
    const answer = await identify([
      { nir: kevin.nir, date_naissance: legacyDate(autre.dateNaissance) },
      { nir: kevin.nir, date_naissance: '19951202' },
    ]);
    expect(answer).toEqual({ individus_identifies: [], nb_non_identifies: 2 });
  });

  it('serves the compensated job seeker’s file in its legacy format, without NIR', async () => {
    const response = await dossiers({ identifiants: ['0388214B'] });
    expect(response.status).toBe(200);
    const body = (await response.json()) as DossiersAnswer;
    const paiement = (date: string) => ({ date_paiement: date, code_allocation: 'ARE', montant: 144900 });
    expect(body).toEqual({
      dossiers: [
        {
          identifiant: '0388214B',
          inscription: { code_categorie: '1', date_inscription: '20260615' },
          indemnisation: { code_allocation: 'ARE', montant_journalier: 4830, date_debut: '20260622', date_fin_droits: '20271221' },
          paiements: [paiement('20261102'), paiement('20261002'), paiement('20260902')],
          conseiller: { nom: 'Julien Vaysse', agence: 'France Travail Onet-le-Château' },
          diagnostic: { date_diagnostic: '20260702', contraintes: ['MOBILITE'], besoins: ['PERMIS_CONDUIRE', 'FORMATION'] },
        },
      ],
      identifiants_inconnus: [],
    });
    expect(JSON.stringify(body)).not.toContain(population.persona('demandeur-emploi').nir);
  });

  it('serves uncompensated files with no payments, and lists the identifiants it does not know', async () => {
    const body = await fetchDossiers(['0411723K', '9999999Z', '0402951R', '0411723K']);
    expect(body.identifiants_inconnus).toEqual(['9999999Z']);
    expect(body.dossiers).toEqual([
      {
        identifiant: '0411723K',
        inscription: { code_categorie: '1', date_inscription: '20240311' },
        indemnisation: null,
        paiements: [],
        conseiller: { nom: 'Claire Bouyssou', agence: 'France Travail Rodez Combarel' },
        diagnostic: { date_diagnostic: '20240311', contraintes: ['MOBILITE', 'FINANCIERE'], besoins: ['PERMIS_CONDUIRE'] },
      },
      {
        identifiant: '0402951R',
        inscription: { code_categorie: '1', date_inscription: '20250402' },
        indemnisation: null,
        paiements: [],
        conseiller: { nom: 'Claire Bouyssou', agence: 'France Travail Rodez Combarel' },
        diagnostic: { date_diagnostic: '20250402', contraintes: ['LOGEMENT', 'SANTE', 'FINANCIERE'], besoins: ['ACCOMPAGNEMENT_RENFORCE'] },
      },
    ]);
  });

  it('chains both steps for the generated job seekers: every one identified, every file served', async () => {
    const suivis = population.franceTravail.slice(0, 50);
    const answer = await identify(suivis.map((d) => individu(d.personne)));
    expect(answer.nb_non_identifies).toBe(0);
    const identifiants = answer.individus_identifies.map((i) => i.identifiant);
    expect(identifiants).toEqual(suivis.map((d) => d.identifiant));
    const files = await fetchDossiers(identifiants);
    expect(files.dossiers.map((d) => d.identifiant)).toEqual(identifiants);
    expect(new Set(files.dossiers.map((d) => (d.inscription as { code_categorie: string }).code_categorie)).size).toBeGreaterThan(1);
    expect(files.dossiers.some((d) => (d.indemnisation as { code_allocation: string } | null)?.code_allocation === 'ARE')).toBe(true);
  });
});
