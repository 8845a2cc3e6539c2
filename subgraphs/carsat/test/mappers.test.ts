import { lotResponseSchema, type DossierLegacy } from '../src/legacy/types';
import { statutRetraite, toDossierRetraite, typeAide } from '../src/resolvers/DossierRetraite';

function dossier(overrides: Partial<DossierLegacy> = {}): DossierLegacy {
  return { nir: '142021226400158', nb_trimestres_valides: 160, etat_dossier: 'RET', date_effet: '20240701', montant_mensuel_brut: 148_075, aspa: null, actions_sociales: [], ...overrides };
}

describe('Carsat → graph mappers', () => {
  it('maps a retiree with ASPA and two aids to euros and ISO dates', () => {
    expect(
      toDossierRetraite(
        dossier({
          montant_mensuel_brut: 70_001,
          aspa: { montant_mensuel: 33_427, date_debut: '20250101' },
          actions_sociales: [
            { code_aide: 'ARDH', nb_heures_mois: 7.5, date_debut: '20260301', date_fin: '20260601' },
            { code_aide: 'PRD', nb_heures_mois: 0, date_debut: '20260601', date_fin: '20261231' },
          ],
        }),
      ),
    ).toEqual({
      trimestresValides: 160,
      statut: 'RETRAITE',
      dateEffet: '2024-07-01',
      pensionMensuelle: 700.01,
      aspa: { montantMensuel: 334.27, dateDebut: '2025-01-01' },
      actionSociale: [
        { type: 'ARDH', heuresMensuelles: 7.5, dateDebut: '2026-03-01', dateFin: '2026-06-01' },
        { type: 'PORTAGE_REPAS', heuresMensuelles: 0, dateDebut: '2026-06-01', dateFin: '2026-12-31' },
      ],
    });
  });

  it('leaves the pension fields null while the person is still working or claiming', () => {
    expect(toDossierRetraite(dossier({ etat_dossier: 'LIQ', nb_trimestres_valides: 171, date_effet: null, montant_mensuel_brut: null }))).toEqual({
      trimestresValides: 171,
      statut: 'DEMANDE_EN_COURS',
      dateEffet: null,
      pensionMensuelle: null,
      aspa: null,
      actionSociale: [],
    });
  });

  it('names every Carsat code readably', () => {
    expect(statutRetraite).toEqual({ COT: 'ACTIF', LIQ: 'DEMANDE_EN_COURS', RET: 'RETRAITE' });
    expect(typeAide).toEqual({ AMD: 'AIDE_MENAGERE', ARDH: 'ARDH', PRD: 'PORTAGE_REPAS' });
  });

  it.each([
    ['a partial date', { date_effet: '20240700' }],
    ['a negative amount', { montant_mensuel_brut: -1 }],
    ['an undocumented aid code', { actions_sociales: [{ code_aide: 'TAXI', nb_heures_mois: 2, date_debut: '20260101', date_fin: '20260201' }] }],
  ])('rejects a payload with %s', (_case, overrides) => {
    expect(lotResponseSchema.safeParse({ dossiers: [{ ...dossier(), ...overrides }], nb_inconnus: 0 }).success).toBe(false);
  });
});
