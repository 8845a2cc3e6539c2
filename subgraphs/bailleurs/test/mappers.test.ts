import { ficheAhSchema, pageAhSchema, type FicheAh } from '../src/legacy/ahTypes';
import { rechercheRahSchema, type RechercheRah } from '../src/legacy/rahTypes';
import { fromAh, statutDemandeAh, typologieOf } from '../src/records/fromAh';
import { fromRah, statutDemandeRah } from '../src/records/fromRah';
import { Bail } from '../src/resolvers/Bail';

const rah: RechercheRah = {
  DATE_NAISSANCE: '19900214',
  LOCATAIRES: [
    {
      NOM: 'DUPONT-SÉGUY',
      PRENOM: 'Léa',
      DATE_NAISSANCE: '19900214',
      LIEU_NAISSANCE: null,
      BAUX: [
        {
          REF_BAIL: 'RAH-2019-00012',
          TYPE_LGT: 'T3',
          SURFACE_HAB: 67.3,
          ADRESSE: { LIGNE: '1 place du Bourg', CP: '12000', COMMUNE: 'Rodez' },
          LOYER: 41_050,
          CHARGES: 6_001,
          SOLDE: -1_250,
          NB_MOIS_IMPAYES: 0,
          PLAN_APUREMENT: { MENSUALITE: 2_550, DATE_DEBUT: '20260101', DATE_FIN: '20261201', TOP_RESPECTE: '1' },
          DATE_ENTREE: '20190315',
        },
      ],
    },
  ],
  DEMANDEURS: [
    {
      NOM: 'DUPONT',
      PRENOM: 'Lea',
      DATE_NAISSANCE: '19900214',
      LIEU_NAISSANCE: '12202',
      DEMANDE: { NUM_UNIQUE: '012240100042K', DATE_DEPOT: '20240110', DATE_RENOUV: '20250108', CODE_STATUT: 'PRO', TYPE_LGT_SOUHAITE: 'T4' },
    },
  ],
};

const ficheBail = (prenom: string, dateNaissance: string, nbPieces = 2): FicheAh => ({
  typeFiche: 'BAIL',
  personne: { nom: 'ROUX', prenom, dateNaissance, codeInseeNaissance: '12145' },
  bail: {
    numeroBail: 'AH/12202/0007',
    nbPieces,
    surfaceM2: 40,
    adresse: { voie: '2 rue Neuve', codePostal: '12000', commune: 'Rodez' },
    loyerCentimes: 30_099,
    chargesCentimes: 4_000,
    soldeCentimes: 60_198,
    nbMoisImpayes: 2,
    planApurement: { mensualiteCentimes: 5_017, debut: '20260901', fin: '20270801', respecte: false },
    dateEntree: '20200601',
  },
  demande: null,
});
const ficheDemande = (dateNaissance: string, codeStatut: 1 | 2 | 3 | 9, nbPiecesSouhaitees: number): FicheAh => ({
  typeFiche: 'DEMANDE',
  personne: { nom: 'ROUX', prenom: 'PAUL', dateNaissance, codeInseeNaissance: null },
  bail: null,
  demande: { numeroUnique: '012230600777C', dateDepot: '20230615', dateRenouvellement: null, codeStatut, nbPiecesSouhaitees },
});

describe('RAH → records', () => {
  it('maps tenant files and applications to euros, ISO dates and graph codes, keeping each identity as typed', () => {
    expect(fromRah(rah)).toEqual({
      locataires: [
        {
          identite: { nom: 'DUPONT-SÉGUY', prenom: 'Léa', dateNaissance: '1990-02-14', codeLieuNaissance: null },
          baux: [
            {
              reference: 'RAH-2019-00012',
              typologie: 'T3',
              surface: 67.3,
              adresse: { ligne: '1 place du Bourg', codePostal: '12000', commune: 'Rodez' },
              loyer: 410.5,
              charges: 60.01,
              solde: -12.5,
              moisImpayes: 0,
              planApurement: { mensualite: 25.5, dateDebut: '2026-01-01', dateFin: '2026-12-01', respecte: true },
              dateEntree: '2019-03-15',
            },
          ],
        },
      ],
      demandeurs: [
        {
          identite: { nom: 'DUPONT', prenom: 'Lea', dateNaissance: '1990-02-14', codeLieuNaissance: '12202' },
          demande: { numeroUnique: '012240100042K', dateDepot: '2024-01-10', dateRenouvellement: '2025-01-08', statut: 'PROPOSITION', typologieSouhaitee: 'T4' },
        },
      ],
    });
  });

  it('names every RAH application state', () => {
    expect(statutDemandeRah).toEqual({ ACT: 'ACTIVE', PRO: 'PROPOSITION', ATT: 'ATTRIBUEE', RAD: 'RADIEE' });
  });

  it.each([
    ['an amount in euros', { LOYER: 410.5 }],
    ['a partial date', { DATE_ENTREE: '20190300' }],
    ['an unknown typology', { TYPE_LGT: 'T7' }],
    ['a plan flag as a boolean', { PLAN_APUREMENT: { MENSUALITE: 100, DATE_DEBUT: '20260101', DATE_FIN: '20261201', TOP_RESPECTE: true } }],
  ])('rejects a RAH lease with %s', (_case, overrides) => {
    const locataire = { ...rah.LOCATAIRES[0]!, BAUX: [{ ...rah.LOCATAIRES[0]!.BAUX[0]!, ...overrides }] };
    expect(rechercheRahSchema.safeParse({ ...rah, LOCATAIRES: [locataire] }).success).toBe(false);
  });
});

describe('AH → records', () => {
  it('groups a batch’s records by date of birth: one tenant record per lease holder, one applicant record per application', () => {
    const byDate = fromAh([ficheBail('ANNE', '19700101'), ficheDemande('19700101', 9, 1), ficheBail('LUC', '19800505', 7)]);
    expect([...byDate.keys()]).toEqual(['1970-01-01', '1980-05-05']);
    expect(byDate.get('1970-01-01')).toEqual({
      locataires: [
        {
          identite: { nom: 'ROUX', prenom: 'ANNE', dateNaissance: '1970-01-01', codeLieuNaissance: '12145' },
          baux: [
            {
              reference: 'AH/12202/0007',
              typologie: 'T2',
              surface: 40,
              adresse: { ligne: '2 rue Neuve', codePostal: '12000', commune: 'Rodez' },
              loyer: 300.99,
              charges: 40,
              solde: 601.98,
              moisImpayes: 2,
              planApurement: { mensualite: 50.17, dateDebut: '2026-09-01', dateFin: '2027-08-01', respecte: false },
              dateEntree: '2020-06-01',
            },
          ],
        },
      ],
      demandeurs: [
        {
          identite: { nom: 'ROUX', prenom: 'PAUL', dateNaissance: '1970-01-01', codeLieuNaissance: null },
          demande: { numeroUnique: '012230600777C', dateDepot: '2023-06-15', dateRenouvellement: null, statut: 'RADIEE', typologieSouhaitee: 'T1' },
        },
      ],
    });
    expect(byDate.get('1980-05-05')?.locataires[0]?.baux[0]?.typologie).toBe('T5');
  });

  it.each([
    [1, 'T1'],
    [2, 'T2'],
    [3, 'T3'],
    [4, 'T4'],
    [5, 'T5'],
    [6, 'T5'],
  ] as const)('maps %i rooms to %s', (rooms, typologie) => {
    expect(typologieOf(rooms)).toBe(typologie);
  });

  it('names every AH application state', () => {
    expect(statutDemandeAh).toEqual({ 1: 'ACTIVE', 2: 'PROPOSITION', 3: 'ATTRIBUEE', 9: 'RADIEE' });
  });

  it.each([
    ['an unknown record type', { ...ficheBail('ANNE', '19700101'), typeFiche: 'GARAGE' }],
    ['a lease record without its lease', { ...ficheBail('ANNE', '19700101'), bail: null }],
    ['an undocumented status', { ...ficheDemande('19700101', 1, 2), demande: { numeroUnique: 'X', dateDepot: '20230615', dateRenouvellement: null, codeStatut: 4, nbPiecesSouhaitees: 2 } }],
    ['zero rooms', ficheBail('ANNE', '19700101', 0)],
  ])('rejects an AH record with %s', (_case, fiche) => {
    expect(ficheAhSchema.safeParse(fiche).success).toBe(false);
  });

  it('rejects a page without its paging fields', () => {
    expect(pageAhSchema.safeParse({ page: 1, resultats: [] }).success).toBe(false);
  });
});

describe('Bail.enImpaye', () => {
  it('is true from one month of rent unpaid', () => {
    const bail = fromAh([ficheBail('ANNE', '19700101')]).get('1970-01-01')!.locataires[0]!.baux[0]!;
    expect(Bail.enImpaye(bail)).toBe(true);
    expect(Bail.enImpaye({ ...bail, moisImpayes: 0, solde: 12 })).toBe(false);
  });
});
