import type { Beneficiaire } from '../src/legacy/types';
import { toCouvertureSante } from '../src/resolvers/CouvertureSante';
import { toRegimeAssuranceMaladie } from '../src/resolvers/RegimeAssuranceMaladie';

const beneficiaire = (overrides: Partial<Beneficiaire> = {}): Beneficiaire => ({
  nir: '286041220200135',
  code_regime: '01',
  code_caisse: '121',
  date_ouverture_droits: '20100101',
  c2s: { code_statut: '0', date_fin: null },
  medecin_traitant: 'N',
  ij_en_cours: 'O',
  ...overrides,
});

describe('CPAM → graph mappers', () => {
  it('maps coverage, and only coverage', () => {
    expect(toCouvertureSante(beneficiaire())).toEqual({
      regime: 'GENERAL',
      caisse: "CPAM de l'Aveyron",
      dateDebutDroits: '2010-01-01',
      c2s: { statut: 'NON', dateFin: null },
      medecinTraitantDeclare: false,
      indemnitesJournalieresEnCours: true,
    });
  });

  it.each([
    ['1', '20270501', { statut: 'SANS_PARTICIPATION', dateFin: '2027-05-01' }],
    ['2', '20261231', { statut: 'AVEC_PARTICIPATION', dateFin: '2026-12-31' }],
  ] as const)('maps C2S code %s', (code_statut, date_fin, c2s) => {
    expect(toCouvertureSante(beneficiaire({ c2s: { code_statut, date_fin } })).c2s).toEqual(c2s);
  });

  it.each([
    ['01', 'GENERAL'],
    ['02', 'AGRICOLE'],
    ['03', 'TRAVAILLEURS_INDEPENDANTS'],
    ['04', 'SPECIAL'],
    ['90', 'SPECIAL'],
  ])('maps regime code %s to %s', (code, regime) => {
    expect(toRegimeAssuranceMaladie(code)).toBe(regime);
  });

  it('keeps the code of a fund missing from the names table', () => {
    expect(toCouvertureSante(beneficiaire({ code_caisse: '311' })).caisse).toBe('Caisse 311');
  });
});
