import { formatDateFr, parseDateFr, parseMoisFr, parseMontantFr } from '../src/legacy/formatsRegion';
import { inscriptionSchema, stagiaireSchema, type InscriptionLegacy } from '../src/legacy/types';
import { toDossierStagiaireRegion } from '../src/resolvers/DossierStagiaireRegion';
import { toFormationSuivie } from '../src/resolvers/FormationSuivie';

const action: InscriptionLegacy['action'] = {
  codeAction: '25QP12-0208',
  intitule: 'Assistant de vie aux familles',
  dispositif: 'QPRO',
  certification: { codeRncp: 'RNCP35506', intitule: 'Titre professionnel Assistant de vie aux familles' },
  organisme: { raisonSociale: "Institut des métiers de l'Aveyron", siret: '52033918100035' },
  lieu: { commune: 'Rodez', codeInsee: '12202' },
  dateDebut: '03/11/2025',
  dateFin: '29/05/2026',
  dureeHeures: 735,
};
const paid: InscriptionLegacy = {
  action,
  codeStatut: '30',
  dateEntree: '03/11/2025',
  dateSortie: '13/02/2026',
  heuresRealisees: 370,
  regimeRemuneration: 'REG',
  remuneration: {
    codeBareme: 'J25',
    montantMensuel: '500,00',
    etat: 'CLO',
    // Sent oldest first: the mapper orders them.
    versements: [
      { periode: '12/2025', dateVersement: '06/01/2026', montant: '500,00' },
      { periode: '02/2026', dateVersement: '06/03/2026', montant: '216,67' },
      { periode: '01/2026', dateVersement: '06/02/2026', montant: '500,00' },
    ],
  },
};
const projetPro: InscriptionLegacy = {
  action: { ...action, codeAction: '26PP12-0198', intitule: 'Projet Pro — remobilisation', dispositif: 'PPRO', certification: null, dateDebut: '16/11/2026', dateFin: '12/03/2027', dureeHeures: 450 },
  codeStatut: '10',
  dateEntree: '16/11/2026',
  dateSortie: null,
  heuresRealisees: 0,
  regimeRemuneration: 'REG',
  remuneration: { codeBareme: 'J25A', montantMensuel: '685,00', etat: 'INS', versements: [] },
};

describe("the Région's formats", () => {
  it('reads JJ/MM/AAAA dates, MM/AAAA months and euros with a decimal comma, and writes dates of birth its way', () => {
    expect(parseDateFr('06/07/2026')).toBe('2026-07-06');
    expect(parseMoisFr('07/2026')).toBe('2026-07');
    expect(parseMontantFr('593,67')).toBe(593.67);
    expect(parseMontantFr('1234567,00')).toBe(1_234_567);
    expect(formatDateFr('1986-04-17')).toBe('17/04/1986');
  });
});

describe('toFormationSuivie', () => {
  it('maps an abandoned qualifying training paid by the Région: codes to enums, ISO dates, euros, payments most recent first', () => {
    expect(toFormationSuivie(inscriptionSchema.parse(paid))).toEqual({
      action: {
        codeAction: '25QP12-0208',
        intitule: 'Assistant de vie aux familles',
        dispositif: 'QUALIF_PRO',
        qualifiante: true,
        certification: { codeRncp: 'RNCP35506', intitule: 'Titre professionnel Assistant de vie aux familles' },
        organisme: { raisonSociale: "Institut des métiers de l'Aveyron", siret: '52033918100035' },
        lieu: 'Rodez',
        dateDebut: '2025-11-03',
        dateFin: '2026-05-29',
        dureeHeures: 735,
      },
      statut: 'ABANDON',
      dateEntree: '2025-11-03',
      dateSortie: '2026-02-13',
      heuresRealisees: 370,
      regimeRemuneration: 'REGION',
      remuneration: {
        montantMensuel: 500,
        bareme: 'DE_18_A_25_ANS',
        etat: 'CLOSE',
        versements: [
          { periode: '2026-02', dateVersement: '2026-03-06', montant: 216.67 },
          { periode: '2026-01', dateVersement: '2026-02-06', montant: 500 },
          { periode: '2025-12', dateVersement: '2026-01-06', montant: 500 },
        ],
      },
    });
  });

  it.each([
    ['10', 'INSCRIT'],
    ['20', 'EN_COURS'],
    ['30', 'ABANDON'],
    ['40', 'TERMINE'],
  ] as const)('maps enrolment state %s to %s', (codeStatut, statut) => {
    expect(toFormationSuivie({ ...paid, codeStatut }).statut).toBe(statut);
  });

  it.each([
    ['M18', 'MOINS_DE_18_ANS'],
    ['J25', 'DE_18_A_25_ANS'],
    ['J25A', 'MOINS_DE_26_ANS_AVEC_ACTIVITE_ANTERIEURE'],
    ['A26', 'DE_26_ANS_ET_PLUS'],
  ] as const)('maps scale %s to %s', (codeBareme, bareme) => {
    expect(toFormationSuivie({ ...paid, remuneration: { ...paid.remuneration!, codeBareme } }).remuneration?.bareme).toBe(bareme);
  });

  it.each([
    ['INS', 'EN_INSTRUCTION'],
    ['PAI', 'EN_PAIEMENT'],
    ['SUS', 'SUSPENDUE'],
    ['CLO', 'CLOSE'],
  ] as const)('maps rémunération state %s to %s', (etat, expected) => {
    expect(toFormationSuivie({ ...paid, remuneration: { ...paid.remuneration!, etat } }).remuneration?.etat).toBe(expected);
  });

  it.each([
    ['AREF', 'ARE_FORMATION'],
    ['SANS', 'AUCUNE'],
  ] as const)('maps payer %s to %s with no rémunération from the Région, even if the answer carried one', (regimeRemuneration, expected) => {
    expect(toFormationSuivie({ ...paid, regimeRemuneration })).toMatchObject({ regimeRemuneration: expected, remuneration: null });
  });

  it('maps a pre-qualifying action without certification as not qualifying', () => {
    expect(toFormationSuivie(projetPro).action).toMatchObject({ dispositif: 'PROJET_PRO', qualifiante: false, certification: null });
  });
});

describe('toDossierStagiaireRegion', () => {
  const stagiaire = { nir: '286041220200135', dateNaissance: '17/04/1986', numeroStagiaire: 'R765179710', inscriptions: [paid, projetPro] };

  it('orders enrolments most recent entry first and picks the rémunération not closed as the current one', () => {
    const dossier = toDossierStagiaireRegion(stagiaireSchema.parse(stagiaire));
    expect(dossier.numeroStagiaire).toBe('R765179710');
    expect(dossier.formations.map((f) => f.action.codeAction)).toEqual(['26PP12-0198', '25QP12-0208']);
    expect(dossier.remunerationEnCours).toEqual({ montantMensuel: 685, bareme: 'MOINS_DE_26_ANS_AVEC_ACTIVITE_ANTERIEURE', etat: 'EN_INSTRUCTION', versements: [] });
    expect(dossier.connu).toBe(true);
  });

  it('has no current rémunération when every one is closed or paid by someone else', () => {
    const dossier = toDossierStagiaireRegion({ ...stagiaire, inscriptions: [paid, { ...projetPro, regimeRemuneration: 'AREF', remuneration: null }] });
    expect(dossier.remunerationEnCours).toBeNull();
  });

  it.each<[string, Record<string, unknown>]>([
    ['a YYYYMMDD date', { ...paid, dateEntree: '20251103' }],
    ['an ISO date', { ...paid, dateSortie: '2026-02-13' }],
    ['an amount with a decimal point', { ...paid, remuneration: { ...paid.remuneration!, montantMensuel: '500.00' } }],
    ['an amount in cents', { ...paid, remuneration: { ...paid.remuneration!, montantMensuel: 50000 } }],
    ['an undocumented state', { ...paid, codeStatut: '35' }],
    ['an undocumented payer', { ...paid, regimeRemuneration: 'RFPE' }],
    ['an undocumented programme', { ...paid, action: { ...action, dispositif: 'CAPM' } }],
    ['a malformed RNCP number', { ...paid, action: { ...action, certification: { codeRncp: '35506', intitule: 'ADVF' } } }],
    ['a month written YYYY-MM', { ...paid, remuneration: { ...paid.remuneration!, versements: [{ periode: '2026-01', dateVersement: '06/02/2026', montant: '500,00' }] } }],
  ])('refuses %s', (_case, inscription) => {
    expect(stagiaireSchema.safeParse({ ...stagiaire, inscriptions: [inscription] }).success).toBe(false);
  });

  it('refuses a trainee number of another format', () => {
    expect(stagiaireSchema.safeParse({ ...stagiaire, numeroStagiaire: 'REG-000101' }).success).toBe(false);
  });
});
