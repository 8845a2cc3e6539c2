import { exploitantSchema } from '../src/legacy/chambreAgricultureTypes';
import { ressortissantCciSchema } from '../src/legacy/cciTypes';
import { artisanCmaSchema } from '../src/legacy/cmaTypes';
import { explainRapprochement } from '../src/matching/explainRapprochement';
import { decideRapprochement } from '../src/matching/decideRapprochement';
import { fromCci } from '../src/records/fromCci';
import { fromChambreAgriculture } from '../src/records/fromChambreAgriculture';
import { fromCma } from '../src/records/fromCma';

const cci = {
  identite: { nomNaissance: 'FABRE', nomUsage: 'ROUX', prenoms: ['Luc', 'Pierre'], dateNaissance: '1978-02-11', codeCommuneNaissance: '12202' },
  entreprises: [
    {
      siren: '100123454',
      denomination: 'FABRE Luc',
      categorieJuridique: '1000',
      microEntrepreneur: true,
      codeNaf: '47.81Z',
      activite: 'Commerce sur marchés',
      dateImmatriculation: '2019-05-02',
      dateRadiation: null,
    },
    {
      siren: '813402955',
      denomination: 'SARL FABRE',
      categorieJuridique: '5499',
      microEntrepreneur: false,
      codeNaf: '56.10A',
      activite: 'Restauration traditionnelle',
      dateImmatriculation: '2010-01-04',
      dateRadiation: '2018-12-31',
    },
    {
      siren: '830177648',
      denomination: 'FABRE Luc',
      categorieJuridique: '1000',
      microEntrepreneur: false,
      codeNaf: '56.30Z',
      activite: 'Débit de boissons',
      dateImmatriculation: '2005-03-01',
      dateRadiation: null,
    },
  ],
  prestations: [
    { code: 'SUIVI', libelle: 'Suivi post-création', debut: '2019-11-01', fin: null, service: 'CCI Aveyron – Espace Entreprendre' },
    { code: '5JPE', libelle: '5 jours pour entreprendre', debut: '2019-02-01', fin: '2019-02-05', service: 'CCI Aveyron – Espace Entreprendre' },
  ],
} as const;

const cma = {
  NOM: 'COSTES',
  NOM_USAGE: '',
  PRENOMS: 'AURELIE MARIE',
  DATE_NAISS: '19910614',
  LIEU_NAISS: '',
  ENTREPRISES: [
    { SIREN: '924518301', ENSEIGNE: 'AURELIE COIFFURE', FORME: 'ME', CODE_NAF: '9602A', ACTIVITE: 'COIFFURE A DOMICILE', QUALIF: 'ART', DATE_IMMAT: '20240304', DATE_RAD: '', ETAT: 'A' },
    { SIREN: '404383218', ENSEIGNE: 'COSTES SARL', FORME: 'SOC', CODE_NAF: '9602B', ACTIVITE: 'SOINS DE BEAUTE', QUALIF: 'NQ', DATE_IMMAT: '20150101', DATE_RAD: '20200630', ETAT: 'R' },
  ],
  PRESTATIONS: [{ CODE: 'SPI', LIBELLE: 'Stage de préparation à l’installation', DATE_DEB: '20240122', DATE_FIN: '20240126', SERVICE: 'CMA, service Formation' }],
} as const;

const agri = {
  nom: 'BOUSQUET',
  prenom: 'Thierry',
  naissance: '09/05/1971',
  exploitations: [
    { siren: '404383218', raisonSociale: 'GAEC BOUSQUET', statutJuridique: 'GAEC', codeNaf: '01.45Z', production: 'Ovins lait', dateInstallation: '01/04/1996', dateCessation: null, dja: true },
  ],
  accompagnements: [{ type: 'AUDIT', libelle: 'Audit global', debut: '07/04/2026', fin: '30/06/2026', service: 'Chambre, service Entreprise' }],
  suiviDifficulte: { etape: 'PLAN', dispositif: 'AREA', dateSignalement: '27/01/2026', dateEtape: '15/09/2026' },
} as const;

describe('fromCci', () => {
  it('maps INSEE legal categories and the micro scheme to the three forms, the struck-off state from the date, support oldest first', () => {
    const fiche = fromCci(ressortissantCciSchema.parse(cci));
    expect(fiche.identite).toEqual({ noms: ['FABRE', 'ROUX'], prenoms: ['Luc', 'Pierre'], dateNaissance: '1978-02-11', codeLieuNaissance: '12202' });
    expect(fiche.entreprises.map((e) => [e.forme, e.formeJuridique, e.etat, e.dateRadiation, e.qualificationArtisanale])).toEqual([
      ['MICRO_ENTREPRENEUR', null, 'ACTIVE', null, null],
      ['SOCIETE', 'SARL', 'RADIEE', '2018-12-31', null],
      ['ENTREPRISE_INDIVIDUELLE', null, 'ACTIVE', null, null],
    ]);
    expect(fiche.accompagnements).toEqual([
      { type: 'FORMATION_CREATION', intitule: '5 jours pour entreprendre', dateDebut: '2019-02-01', dateFin: '2019-02-05', enCours: false, structure: 'CCI Aveyron – Espace Entreprendre' },
      { type: 'SUIVI_POST_CREATION', intitule: 'Suivi post-création', dateDebut: '2019-11-01', dateFin: null, enCours: true, structure: 'CCI Aveyron – Espace Entreprendre' },
    ]);
    expect(fiche.exploitantEnDifficulte).toBeNull();
  });

  it.each([
    ['a YYYYMMDD date', { ...cci, identite: { ...cci.identite, dateNaissance: '19780211' } }],
    ['an unknown legal category', { ...cci, entreprises: [{ ...cci.entreprises[0], categorieJuridique: '9220' }] }],
    ['a SIREN of 8 digits', { ...cci, entreprises: [{ ...cci.entreprises[0], siren: '10012345' }] }],
    ['an undocumented service code', { ...cci, prestations: [{ ...cci.prestations[0], code: 'COACH' }] }],
  ])('refuses %s', (_case, payload) => {
    expect(ressortissantCciSchema.safeParse(payload).success).toBe(false);
  });
});

describe('fromCma', () => {
  it('maps codes, empty strings to null, the NAF code with its dot and the qualification', () => {
    const fiche = fromCma(artisanCmaSchema.parse(cma));
    expect(fiche.identite).toEqual({ noms: ['COSTES'], prenoms: ['AURELIE', 'MARIE'], dateNaissance: '1991-06-14', codeLieuNaissance: null });
    expect(fiche.entreprises).toEqual([
      {
        siren: '924518301',
        denomination: 'AURELIE COIFFURE',
        forme: 'MICRO_ENTREPRENEUR',
        formeJuridique: null,
        codeActivite: '96.02A',
        activite: 'COIFFURE A DOMICILE',
        qualificationArtisanale: 'ARTISAN',
        dateImmatriculation: '2024-03-04',
        etat: 'ACTIVE',
        dateRadiation: null,
      },
      {
        siren: '404383218',
        denomination: 'COSTES SARL',
        forme: 'SOCIETE',
        formeJuridique: null,
        codeActivite: '96.02B',
        activite: 'SOINS DE BEAUTE',
        qualificationArtisanale: 'SANS_QUALIFICATION',
        dateImmatriculation: '2015-01-01',
        etat: 'RADIEE',
        dateRadiation: '2020-06-30',
      },
    ]);
    expect(fiche.accompagnements).toEqual([
      { type: 'FORMATION_CREATION', intitule: 'Stage de préparation à l’installation', dateDebut: '2024-01-22', dateFin: '2024-01-26', enCours: false, structure: 'CMA, service Formation' },
    ]);
  });

  it.each([
    ['null for "none" (the CMA writes "")', { ...cma, NOM_USAGE: null }],
    ['an ISO date', { ...cma, DATE_NAISS: '1991-06-14' }],
    ['an unknown qualification', { ...cma, ENTREPRISES: [{ ...cma.ENTREPRISES[0], QUALIF: 'MOF' }] }],
    ['a NAF code with its dot', { ...cma, ENTREPRISES: [{ ...cma.ENTREPRISES[0], CODE_NAF: '96.02A' }] }],
  ])('refuses %s', (_case, payload) => {
    expect(artisanCmaSchema.safeParse(payload).success).toBe(false);
  });
});

describe('fromChambreAgriculture', () => {
  it('maps the farm, DD/MM/YYYY dates and the follow-up of a farmer in difficulty', () => {
    const fiche = fromChambreAgriculture(exploitantSchema.parse(agri));
    expect(fiche.identite).toEqual({ noms: ['BOUSQUET'], prenoms: ['Thierry'], dateNaissance: '1971-05-09', codeLieuNaissance: null });
    expect(fiche.entreprises).toEqual([
      {
        siren: '404383218',
        denomination: 'GAEC BOUSQUET',
        forme: 'SOCIETE',
        formeJuridique: 'GAEC',
        codeActivite: '01.45Z',
        activite: 'Ovins lait',
        qualificationArtisanale: null,
        dateImmatriculation: '1996-04-01',
        etat: 'ACTIVE',
        dateRadiation: null,
      },
    ]);
    expect(fiche.accompagnements).toEqual([
      { type: 'DIFFICULTES_AGRICOLES', intitule: 'Audit global', dateDebut: '2026-04-07', dateFin: '2026-06-30', enCours: false, structure: 'Chambre, service Entreprise' },
    ]);
    expect(fiche.exploitantEnDifficulte).toEqual({ etat: 'PLAN_RESTRUCTURATION', enCours: true, dispositif: 'AREA', dateSignalement: '2026-01-27', dateEtat: '2026-09-15' });
  });

  it.each([
    ['CLOS', 'REAGIR', { etat: 'CLOS', enCours: false, dispositif: 'CELLULE_REAGIR' }],
    ['ECOUTE', 'PROC_COLLECTIVE', { etat: 'DIAGNOSTIC', enCours: true, dispositif: 'PROCEDURE_COLLECTIVE' }],
    ['SUIVI', 'AREA', { etat: 'SUIVI_TECHNICO_ECONOMIQUE', enCours: true, dispositif: 'AREA' }],
  ] as const)('maps the step %s under %s', (etape, dispositif, expected) => {
    const fiche = fromChambreAgriculture(exploitantSchema.parse({ ...agri, suiviDifficulte: { ...agri.suiviDifficulte, etape, dispositif } }));
    expect(fiche.exploitantEnDifficulte).toMatchObject(expected);
  });

  it.each([
    ['an ISO date', { ...agri, naissance: '1971-05-09' }],
    ['an unknown step', { ...agri, suiviDifficulte: { ...agri.suiviDifficulte, etape: 'LIQUIDATION' } }],
    ['a missing follow-up field (it is null when none)', { ...agri, suiviDifficulte: undefined }],
  ])('refuses %s', (_case, payload) => {
    expect(exploitantSchema.safeParse(payload).success).toBe(false);
  });
});

describe('decideRapprochement and its explanation', () => {
  const pivot = { nomNaissance: 'Costes', nomUsage: null, prenoms: ['Aurélie', 'Marie'], sexe: 'F' as const, dateNaissance: '1991-06-14', codeLieuNaissance: '46102' };
  const fiche = fromCma(artisanCmaSchema.parse(cma));

  it('retains the one record matching the identity, tolerant to case and accents, and says so in French', () => {
    const decision = decideRapprochement(pivot, [fiche]);
    expect(decision).toMatchObject({ statut: 'CERTAIN', criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'], fiche });
    expect(explainRapprochement('CMA', decision)).toBe(
      'CMA : rapprochement certain pour 2 entreprises (même nom, même prénom, même date de naissance, lieu de naissance non enregistré par la chambre).',
    );
  });

  it('refuses two records that match equally well, naming nobody', () => {
    const decision = decideRapprochement(pivot, [fiche, { ...fiche, entreprises: [] }]);
    expect(decision).toMatchObject({ statut: 'AMBIGU', fiche: null, candidats: 2 });
    expect(explainRapprochement('CMA', decision)).toBe(
      "CMA : 2 fiches correspondent aussi bien à cette identité (même nom, même prénom, même date de naissance, lieu de naissance non enregistré par la chambre) et la chambre ne permet pas de les distinguer : aucune donnée n'est affichée, pour ne pas confondre deux personnes. Vérifier l'identité directement auprès de la chambre.",
    );
  });

  it('finds nothing for another person born the same day', () => {
    const decision = decideRapprochement({ ...pivot, nomNaissance: 'Vidal', prenoms: ['Paul'] }, [fiche]);
    expect(decision).toMatchObject({ statut: 'AUCUN', fiche: null, score: null });
    expect(explainRapprochement('CMA', decision)).toBe("CMA : aucun chef d'entreprise ni exploitant ne correspond à cette identité.");
  });
});
