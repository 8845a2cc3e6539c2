import { expect } from '@jest/globals';
import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, unknownNir, useLegacyTestServer } from '../src/index';
import { baremeOf, versementsOf } from '../src/simulators/region/remunerationStagiaire';
import type { StagiaireRegionLegacy } from '../src/simulators/region/regionRecords';

const population = createPopulation({ size: 1500, seed: 7 });
const region = legacySystem('region');

const consultation = (body: unknown, headers?: Record<string, string>) => postLegacy('region', '/sirf/v3/stagiaires/consultation', body, headers);
/** `YYYY-MM-DD` → the system's `JJ/MM/AAAA`. */
const frDate = (iso: string) => iso.split('-').reverse().join('/');
const demande = (p: { nir: string; dateNaissance: string }) => ({ nir: p.nir, dateNaissance: frDate(p.dateNaissance) });
interface Answer {
  stagiaires: StagiaireRegionLegacy[];
  nombreNonTrouves: number;
}
const consult = async (demandes: unknown[]) => (await (await consultation({ demandes })).json()) as Answer;

useLegacyTestServer(population, ['region']);

describe('Région simulator', () => {
  it('is registered with its own header and batches of 20', () => {
    expect(region).toMatchObject({ name: 'region', prefix: '/region', apiKeyHeader: 'X-Region-Jeton', devApiKey: 'dev-region-c697d2', maxBatchSize: 20 });
  });

  it.each(keyRefusalCases('region', 'X-FT-Cle'))('refuses a call %s with 401', async (_case, headers) => {
    await expectLegacyError(await consultation({ demandes: [demande(population.persona('rsa-isolee'))] }, headers), 401, keyRefused);
  });

  it('accepts 20 people per call and refuses 21 with 413', async () => {
    const demandes = population.personnes.slice(0, 21).map(demande);
    expect((await consultation({ demandes: demandes.slice(0, 20) })).status).toBe(200);
    await expectLegacyError(await consultation({ demandes }), 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 20 demandes par appel' });
  });

  it.each([
    ['unreadable JSON', '{', 'Corps JSON illisible'],
    ["France Travail's field name", { individus: [{ nir: '286041220200135', dateNaissance: '17/04/1986' }] }, 'Champ invalide : demandes'],
    ['an empty list', { demandes: [] }, 'Champ invalide : demandes'],
    ['a NIR without its date of birth', { demandes: [{ nir: '286041220200135' }] }, 'Champ invalide : demandes.0.dateNaissance'],
    ['a YYYYMMDD date of birth', { demandes: [{ nir: '286041220200135', dateNaissance: '19860417' }] }, 'Champ invalide : demandes.0.dateNaissance'],
    ['an ISO date of birth', { demandes: [{ nir: '286041220200135', dateNaissance: '1986-04-17' }] }, 'Champ invalide : demandes.0.dateNaissance'],
    ['a malformed NIR', { demandes: [{ nir: '2860412', dateNaissance: '17/04/1986' }] }, 'Champ invalide : demandes.0.nir'],
  ])('answers 400 to %s', async (_case, body, libelle) => {
    await expectLegacyError(await consultation(body), 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it("returns rsa-isolee in her Projet Pro, paid the Région's rémunération at 685 € with the first month pro rata", async () => {
    const p = population.persona('rsa-isolee');
    expect(await consult([demande(p)])).toEqual({
      stagiaires: [
        {
          nir: p.nir,
          dateNaissance: '17/04/1986',
          numeroStagiaire: 'R760041233',
          inscriptions: [
            {
              action: {
                codeAction: '26PP12-0041',
                intitule: 'Projet Pro — construire son projet professionnel, métiers du service',
                dispositif: 'PPRO',
                certification: null,
                organisme: { raisonSociale: 'Rouergue Insertion Formation', siret: '41287365400027' },
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
              remuneration: {
                codeBareme: 'A26',
                montantMensuel: '685,00',
                etat: 'PAI',
                versements: [
                  { periode: '10/2026', dateVersement: '06/11/2026', montant: '685,00' },
                  { periode: '09/2026', dateVersement: '06/10/2026', montant: '685,00' },
                  { periode: '08/2026', dateVersement: '06/09/2026', montant: '685,00' },
                  { periode: '07/2026', dateVersement: '06/08/2026', montant: '593,67' },
                ],
              },
            },
          ],
        },
      ],
      nombreNonTrouves: 0,
    });
  });

  it('returns demandeur-emploi in a qualifying action with its certification, paid by France Travail (AREF), not by the Région', async () => {
    const { stagiaires } = await consult([demande(population.persona('demandeur-emploi'))]);
    expect(stagiaires).toHaveLength(1);
    expect(stagiaires[0]!.inscriptions).toEqual([
      expect.objectContaining({
        action: expect.objectContaining({ codeAction: '26QP12-0153', dispositif: 'QPRO', certification: { codeRncp: 'RNCP38413', intitule: 'Titre professionnel Agent magasinier' } }),
        codeStatut: '20',
        dateEntree: '05/10/2026',
        regimeRemuneration: 'AREF',
        remuneration: null,
      }),
    ]);
  });

  it("identifies nobody when the date of birth is not the NIR's person's, and counts the unknown once each", async () => {
    const p = population.persona('rsa-isolee');
    const answer = await consult([
      { nir: p.nir, dateNaissance: '18/04/1986' },
      demande(population.persona('registre-seul')),
      { nir: unknownNir(), dateNaissance: '01/01/1990' },
      { nir: unknownNir(), dateNaissance: '01/01/1990' },
    ]);
    expect(answer).toEqual({ stagiaires: [], nombreNonTrouves: 3 });
  });

  it("enrols some of France Travail's job seekers only, with who pays following their France Travail file", async () => {
    const jobSeekers = population.franceTravail.filter((d) => !d.personne.startsWith('persona:')).map((d) => ({ d, p: population.personneParRef.get(d.personne)! }));
    const found = new Map<string, StagiaireRegionLegacy>();
    for (let i = 0; i < jobSeekers.length; i += 20) for (const s of (await consult(jobSeekers.slice(i, i + 20).map(({ p }) => demande(p)))).stagiaires) found.set(s.nir, s);
    expect(found.size).toBeGreaterThan(3);
    expect(found.size).toBeLessThan(jobSeekers.length / 2);
    for (const { d, p } of jobSeekers) {
      const inscription = found.get(p.nir)?.inscriptions[0];
      if (!inscription) continue;
      const expected = d.indemnisation?.allocation === 'ARE' ? 'AREF' : d.categorie === 5 ? 'SANS' : 'REG';
      expect(inscription.regimeRemuneration).toBe(expected);
      expect(inscription.remuneration === null).toBe(expected !== 'REG');
    }
  });
});

describe('the rémunération scale (décret n° 2021-522)', () => {
  it.each([
    ['2009-03-01', false, 'M18'],
    ['2008-09-01', false, 'J25'],
    ['2001-09-02', false, 'J25'],
    ['2001-09-02', true, 'J25A'],
    ['2000-09-01', false, 'A26'],
  ] as const)('puts a trainee born on %s (earlier salaried work: %s) entering on 2026-09-01 on scale %s', (dateNaissance, activite, bareme) => {
    expect(baremeOf(dateNaissance, '2026-09-01', activite)).toBe(bareme);
  });

  it('pays monthly in arrears, in thirtieths for a month attended in part, up to the observation month', () => {
    expect(versementsOf(50_000, '2026-09-14', '2026-10-09')).toEqual([
      { periode: '2026-10', dateVersement: '2026-11-06', montantCents: 15_000 },
      { periode: '2026-09', dateVersement: '2026-10-06', montantCents: 28_333 },
    ]);
    expect(versementsOf(68_500, '2026-10-05', '2027-03-26')).toEqual([{ periode: '2026-10', dateVersement: '2026-11-06', montantCents: 61_650 }]);
  });
});
