import { expect } from '@jest/globals';
import { dossiersResponseSchema, type DossierLegacy } from '../src/legacy/types';
import { DossierFranceTravail, toDossierFranceTravail } from '../src/resolvers/DossierFranceTravail';
import { toInscriptionFranceTravail } from '../src/resolvers/InscriptionFranceTravail';

function dossier(overrides: Partial<DossierLegacy> = {}): DossierLegacy {
  return {
    identifiant: '3100039D',
    inscription: { code_categorie: '4', date_inscription: '20250310' },
    indemnisation: { code_allocation: 'ASS', montant_journalier: 1907, date_debut: '20250310', date_fin_droits: '20260301' },
    paiements: [],
    conseiller: { nom: 'Ana Costa', agence: 'France Travail Rodez Combarel' },
    diagnostic: { date_diagnostic: '20250310', contraintes: ['GARDE_ENFANTS', 'LANGUE'], besoins: ['APPRENTISSAGE_FRANCAIS'] },
    ...overrides,
  };
}

describe('France Travail → graph mappers', () => {
  it('maps a file with ASS in euros and ISO dates', () => {
    expect(toDossierFranceTravail(dossier())).toEqual({
      identifiant: '3100039D',
      inscription: { categorie: 4, libelleCategorie: 'Sans emploi, non immédiatement disponible', dateInscription: '2025-03-10' },
      indemnisation: { allocation: 'ASS', montantJournalier: 19.07, dateDebut: '2025-03-10', dateFinDroits: '2026-03-01' },
      conseiller: { nom: 'Ana Costa', agence: 'France Travail Rodez Combarel' },
      diagnostic: { date: '2025-03-10', contraintes: ['GARDE_ENFANTS', 'LANGUE'], besoins: ['APPRENTISSAGE_FRANCAIS'] },
      paiements: [],
    });
  });

  it.each([
    ['1', 'Sans emploi, disponible, à la recherche d’un emploi à durée indéterminée à temps plein'],
    ['2', 'Sans emploi, disponible, à la recherche d’un emploi à durée indéterminée à temps partiel'],
    ['3', 'Sans emploi, disponible, à la recherche d’un emploi à durée déterminée, temporaire ou saisonnier'],
    ['4', 'Sans emploi, non immédiatement disponible'],
    ['5', 'En emploi, à la recherche d’un autre emploi'],
  ] as const)('labels category %s', (code, libelle) => {
    expect(toInscriptionFranceTravail({ code_categorie: code, date_inscription: '20250101' })).toEqual({ categorie: Number(code), libelleCategorie: libelle, dateInscription: '2025-01-01' });
  });

  it('leaves indemnisation null without compensation', () => {
    expect(toDossierFranceTravail(dossier({ indemnisation: null })).indemnisation).toBeNull();
  });

  it('orders payments most recent first whatever France Travail’s order, and cuts them at limite', () => {
    const parent = toDossierFranceTravail(
      dossier({
        paiements: [
          { date_paiement: '20250902', code_allocation: 'ASS', montant: 57_210 },
          { date_paiement: '20251102', code_allocation: 'ASS', montant: 57_210 },
          { date_paiement: '20251002', code_allocation: 'ASS', montant: 59_117 },
        ],
      }),
    );
    expect(parent.paiements).toEqual([
      { date: '2025-11-02', allocation: 'ASS', montant: 572.1 },
      { date: '2025-10-02', allocation: 'ASS', montant: 591.17 },
      { date: '2025-09-02', allocation: 'ASS', montant: 572.1 },
    ]);
    expect(DossierFranceTravail.paiementsRecents(parent, { limite: 2 }).map((p) => p.date)).toEqual(['2025-11-02', '2025-10-02']);
  });

  it.each([0, 13, null])('refuses paiementsRecents(limite: %p) with ARGUMENT_INVALIDE', (limite) => {
    expect(() => DossierFranceTravail.paiementsRecents(toDossierFranceTravail(dossier()), { limite })).toThrow(
      expect.objectContaining({ extensions: { code: 'ARGUMENT_INVALIDE', argument: 'limite', retryable: false } }),
    );
  });
});

describe('France Travail files payload schema', () => {
  const payload = (d: unknown) => ({ dossiers: [d], identifiants_inconnus: [] });

  it('accepts a file with compensation and one without', () => {
    expect(dossiersResponseSchema.safeParse(payload(dossier())).success).toBe(true);
    expect(dossiersResponseSchema.safeParse(payload(dossier({ indemnisation: null }))).success).toBe(true);
  });

  it.each([
    ['a category as a number', { ...dossier(), inscription: { code_categorie: 1, date_inscription: '20250310' } }],
    ['an allowance other than ARE or ASS', { ...dossier(), indemnisation: { code_allocation: 'RSA', montant_journalier: 1907, date_debut: '20250310', date_fin_droits: '20260301' } }],
    ['an undocumented need code', { ...dossier(), diagnostic: { date_diagnostic: '20250310', contraintes: [], besoins: ['PERMIS'] } }],
    ['a partial date', { ...dossier(), inscription: { code_categorie: '1', date_inscription: '20250300' } }],
    ['a negative payment', { ...dossier(), paiements: [{ date_paiement: '20251102', code_allocation: 'ASS', montant: -1 }] }],
    ['a file without adviser', { ...dossier(), conseiller: null }],
  ])('rejects %s', (_case, d) => {
    expect(dossiersResponseSchema.safeParse(payload(d)).success).toBe(false);
  });
});
