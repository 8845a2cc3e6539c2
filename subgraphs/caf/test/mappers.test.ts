import { expect } from '@jest/globals';
import { lotResponseSchema, type DroitLegacy, type Resultat } from '../src/legacy/types';
import { DossierCaf, toDossierCaf } from '../src/resolvers/DossierCaf';
import { toDroitRsa } from '../src/resolvers/DroitRsa';
import { prestationCaf } from '../src/resolvers/PrestationCaf';

const rsa = (etat: '0' | '1' | '2' | '3' | '4' | '5' | '6', majoration: '0' | '1' = '0', drdef: '0' | '1' = '1') =>
  ({ CODE_PRESTATION: 'RSA', MONTANT_MENSUEL: 110_694, DATE_DEBUT: '20250301', DETAIL_RSA: { ETATDOSRSA: etat, TOP_MAJORATION: majoration, TOPPERSDRDEF: drdef } }) as const;

function resultat(overrides: Partial<Resultat['DOSSIER']> = {}, role: Resultat['ROLE_PERS'] = 'DEM'): Resultat {
  return {
    NIR: '286041220200135',
    ROLE_PERS: role,
    DOSSIER: { NUMALLOC: '0000042', CODE_POSTAL: '12000', NB_ADULTES: 1, ENFANTS: [{ PRENOM: 'Léa', DATE_NAISSANCE: '20210630' }], QF: 412, DROITS: [], PAIEMENTS: [], ...overrides },
  };
}

describe('CAF → graph mappers', () => {
  it("maps a single parent's majoré RSA, payment suspended, not subject to rights and duties", () => {
    expect(toDossierCaf(resultat({ DROITS: [rsa('4', '1', '0')] }))).toEqual({
      numeroAllocataire: '0000042',
      codePostal: '12000',
      role: 'ALLOCATAIRE',
      foyer: { nombreAdultes: 1, enfants: [{ prenom: 'Léa', dateNaissance: '2021-06-30' }] },
      quotientFamilial: 412,
      droits: [{ prestation: 'RSA', montantMensuel: 1106.94, dateDebut: '2025-03-01' }],
      rsa: { etat: 'OUVERT_VERSEMENT_SUSPENDU', codeEtat: 4, majore: true, soumisDroitsEtDevoirs: false, montantMensuel: 1106.94, dateDebut: '2025-03-01' },
      paiements: [],
    });
  });

  it.each([
    ['0', 'EN_ATTENTE'],
    ['1', 'REFUSE'],
    ['2', 'OUVERT_VERSE'],
    ['3', 'OUVERT_SUSPENDU'],
    ['4', 'OUVERT_VERSEMENT_SUSPENDU'],
    ['5', 'CLOS'],
    ['6', 'CLOS_MOIS_ANTERIEUR'],
  ] as const)('maps ETATDOSRSA %s to %s', (code, etat) => {
    expect(toDroitRsa(rsa(code))).toMatchObject({ etat, codeEtat: Number(code) });
  });

  it("maps the conjoint's role and leaves rsa null without an RSA right", () => {
    const dossier = toDossierCaf(resultat({ NB_ADULTES: 2, DROITS: [{ CODE_PRESTATION: 'AF', MONTANT_MENSUEL: 15_105, DATE_DEBUT: '20190101', DETAIL_RSA: null }] }, 'CJT'));
    expect(dossier).toMatchObject({ role: 'CONJOINT', foyer: { nombreAdultes: 2 }, rsa: null, droits: [{ prestation: 'ALLOCATIONS_FAMILIALES', montantMensuel: 151.05, dateDebut: '2019-01-01' }] });
  });

  it('names every CAF benefit code readably', () => {
    expect(prestationCaf).toEqual({
      RSA: 'RSA',
      PPA: 'PRIME_ACTIVITE',
      AAH: 'AAH',
      APL: 'APL',
      ALF: 'ALF',
      ALS: 'ALS',
      AF: 'ALLOCATIONS_FAMILIALES',
      ASF: 'ASF',
      CF: 'COMPLEMENT_FAMILIAL',
    });
  });

  it("orders payments most recent first whatever CAF's order, keeping CAF's order within a day", () => {
    const dossier = toDossierCaf(
      resultat({
        PAIEMENTS: [
          { DATE_PAIEMENT: '20260905', CODE_PRESTATION: 'CF', MONTANT: 17_500 },
          { DATE_PAIEMENT: '20261105', CODE_PRESTATION: 'ASF', MONTANT: 20_078 },
          { DATE_PAIEMENT: '20261005', CODE_PRESTATION: 'ASF', MONTANT: 20_078 },
          { DATE_PAIEMENT: '20261105', CODE_PRESTATION: 'CF', MONTANT: 17_500 },
        ],
      }),
    );
    expect(dossier.paiements).toEqual([
      { date: '2026-11-05', prestation: 'ASF', montant: 200.78 },
      { date: '2026-11-05', prestation: 'COMPLEMENT_FAMILIAL', montant: 175 },
      { date: '2026-10-05', prestation: 'ASF', montant: 200.78 },
      { date: '2026-09-05', prestation: 'COMPLEMENT_FAMILIAL', montant: 175 },
    ]);
    expect(DossierCaf.paiementsRecents(dossier, { limite: 2 }).map((p) => p.date)).toEqual(['2026-11-05', '2026-11-05']);
  });

  it.each([0, 25, null])('refuses paiementsRecents(limite: %p) with ARGUMENT_INVALIDE', (limite) => {
    expect(() => DossierCaf.paiementsRecents(toDossierCaf(resultat()), { limite })).toThrow(
      expect.objectContaining({ extensions: { code: 'ARGUMENT_INVALIDE', argument: 'limite', retryable: false } }),
    );
  });
});

describe('CAF payload schema', () => {
  const payload = (droit: unknown) => ({ resultats: [{ ...resultat(), DOSSIER: { ...resultat().DOSSIER, DROITS: [droit] } }], nb_non_trouves: 0 });

  it('accepts an RSA right with its detail and another right without', () => {
    expect(lotResponseSchema.safeParse(payload(rsa('2'))).success).toBe(true);
    expect(lotResponseSchema.safeParse(payload({ CODE_PRESTATION: 'APL', MONTANT_MENSUEL: 1, DATE_DEBUT: '20200101', DETAIL_RSA: null } satisfies DroitLegacy)).success).toBe(true);
  });

  it.each([
    ['an RSA right without detail', { ...rsa('2'), DETAIL_RSA: null }],
    ['another right with an RSA detail', { ...rsa('2'), CODE_PRESTATION: 'APL' }],
    ['an RSA state out of 0–6', { ...rsa('2'), DETAIL_RSA: { ETATDOSRSA: '7', TOP_MAJORATION: '0', TOPPERSDRDEF: '1' } }],
    ['an amount in euros rather than cents', { ...rsa('2'), MONTANT_MENSUEL: 568.94 }],
    ['an ISO date', { ...rsa('2'), DATE_DEBUT: '2025-03-01' }],
    ['a partial date', { ...rsa('2'), DATE_DEBUT: '20250300' }],
  ])('rejects %s', (_case, droit) => {
    expect(lotResponseSchema.safeParse(payload(droit)).success).toBe(false);
  });
});
