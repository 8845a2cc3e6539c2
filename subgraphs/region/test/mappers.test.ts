import { dossierSchema } from '../src/legacy/types';
import { toDossierRegion } from '../src/resolvers/DossierRegion';

const legacy = { NIR: '286041220200135', NUM_DOSSIER: 'REG-000101', ETAT: 'S', DATE_OUVERTURE: '20250312', DATE_MAJ: '20261002', ANTENNE: 'Rodez' } as const;

describe('toDossierRegion', () => {
  it('maps the state codes and the dates', () => {
    expect(toDossierRegion(dossierSchema.parse(legacy))).toEqual({ numeroDossier: 'REG-000101', statut: 'SUSPENDU', dateOuverture: '2025-03-12', dateMiseAJour: '2026-10-02', antenne: 'Rodez' });
  });

  it.each([
    ['an undocumented state', { ...legacy, ETAT: 'X' }],
    ['a partial date', { ...legacy, DATE_OUVERTURE: '20250300' }],
    ['a file number of another format', { ...legacy, NUM_DOSSIER: '101' }],
  ])('refuses %s', (_case, payload) => {
    expect(dossierSchema.safeParse(payload).success).toBe(false);
  });
});
