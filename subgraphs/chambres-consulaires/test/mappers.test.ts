import { dossierSchema } from '../src/legacy/types';
import { toDossierChambresConsulaires } from '../src/resolvers/DossierChambresConsulaires';

const legacy = { NIR: '286041220200135', NUM_DOSSIER: 'CC-000101', ETAT: 'S', DATE_OUVERTURE: '20250312', DATE_MAJ: '20261002', ANTENNE: 'Rodez' } as const;

describe('toDossierChambresConsulaires', () => {
  it('maps the state codes and the dates', () => {
    expect(toDossierChambresConsulaires(dossierSchema.parse(legacy))).toEqual({ numeroDossier: 'CC-000101', statut: 'SUSPENDU', dateOuverture: '2025-03-12', dateMiseAJour: '2026-10-02', antenne: 'Rodez' });
  });

  it.each([
    ['an undocumented state', { ...legacy, ETAT: 'X' }],
    ['a partial date', { ...legacy, DATE_OUVERTURE: '20250300' }],
    ['a file number of another format', { ...legacy, NUM_DOSSIER: '101' }],
  ])('refuses %s', (_case, payload) => {
    expect(dossierSchema.safeParse(payload).success).toBe(false);
  });
});
