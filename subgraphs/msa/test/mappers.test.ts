import { lotResponseSchema, type AdherentLegacy, type FamilleLegacy } from '../src/legacy/types';
import { toCouvertureSanteMsa } from '../src/resolvers/CouvertureSanteMsa';
import { activiteMsa, qualiteMsa, toDossierMsa } from '../src/resolvers/DossierMsa';
import { prestationMsa } from '../src/resolvers/DroitMsa';
import { toPrestationsFamilialesMsa } from '../src/resolvers/PrestationsFamilialesMsa';
import { toRetraiteMsa } from '../src/resolvers/RetraiteMsa';

const adherent = (overrides: Partial<AdherentLegacy> = {}): AdherentLegacy => ({
  nir: '171051230000130',
  no_adherent: 'MSA1000567',
  cd_qualite: 'ASS',
  cd_activite: 'SAL',
  famille: null,
  sante: { css: { cd_css: 'N', dt_fin: null }, ind_medecin_traitant: 'N' },
  pension: null,
  ...overrides,
});

const famille = (overrides: Partial<FamilleLegacy> = {}): FamilleLegacy => ({ cd_role: 'CONJ', nb_adultes: 2, enfants: [], qf: 812, prestations: [], ...overrides });

describe('MSA → graph mappers', () => {
  it('maps a member without family file nor pension', () => {
    expect(toDossierMsa(adherent())).toEqual({
      numeroAdherent: 'MSA1000567',
      qualite: 'ASSURE',
      activite: 'SALARIE_AGRICOLE',
      prestationsFamiliales: null,
      couvertureSante: { c2s: { statut: 'NON', dateFin: null }, medecinTraitantDeclare: false },
      retraite: null,
    });
  });

  it('maps the conjoint’s view of a family file, with an RSA majoré suspended and its other rights in MSA’s order', () => {
    expect(
      toPrestationsFamilialesMsa(
        famille({
          enfants: [{ prenom: 'Zoé', dt_naissance: '20230105' }],
          prestations: [
            { cd_prestation: 'ALF', mt_mensuel: 19_400, dt_effet: '20210501', rsa: null },
            { cd_prestation: 'RSA', mt_mensuel: 110_694, dt_effet: '20240301', rsa: { etatdosrsa: '4', ind_majoration: 'O', ind_droits_devoirs: 'N' } },
            { cd_prestation: 'CF', mt_mensuel: 19_901, dt_effet: '20240101', rsa: null },
          ],
        }),
      ),
    ).toEqual({
      role: 'CONJOINT',
      foyer: { nombreAdultes: 2, enfants: [{ prenom: 'Zoé', dateNaissance: '2023-01-05' }] },
      quotientFamilial: 812,
      droits: [
        { prestation: 'ALF', montantMensuel: 194, dateDebut: '2021-05-01' },
        { prestation: 'RSA', montantMensuel: 1106.94, dateDebut: '2024-03-01' },
        { prestation: 'COMPLEMENT_FAMILIAL', montantMensuel: 199.01, dateDebut: '2024-01-01' },
      ],
      rsa: { etat: 'OUVERT_VERSEMENT_SUSPENDU', codeEtat: 4, majore: true, soumisDroitsEtDevoirs: false, montantMensuel: 1106.94, dateDebut: '2024-03-01' },
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
  ] as const)('maps ETATDOSRSA %s to %s', (etatdosrsa, etat) => {
    const f = famille({ cd_role: 'RESP', prestations: [{ cd_prestation: 'RSA', mt_mensuel: 0, dt_effet: '20250101', rsa: { etatdosrsa, ind_majoration: 'N', ind_droits_devoirs: 'O' } }] });
    expect(toPrestationsFamilialesMsa(f)).toMatchObject({ role: 'ALLOCATAIRE', rsa: { etat, codeEtat: Number(etatdosrsa) } });
  });

  it('maps every benefit, activity and qualité code', () => {
    expect(prestationMsa).toEqual({ RSA: 'RSA', PPA: 'PRIME_ACTIVITE', AAH: 'AAH', APL: 'APL', ALF: 'ALF', ALS: 'ALS', AF: 'ALLOCATIONS_FAMILIALES', ASF: 'ASF', CF: 'COMPLEMENT_FAMILIAL' });
    expect(activiteMsa).toEqual({ EXP: 'EXPLOITANT', SAL: 'SALARIE_AGRICOLE', RET: 'RETRAITE' });
    expect(qualiteMsa).toEqual({ ASS: 'ASSURE', AYD: 'AYANT_DROIT' });
    expect(toDossierMsa(adherent({ cd_qualite: 'AYD', cd_activite: null }))).toMatchObject({ qualite: 'AYANT_DROIT', activite: null });
  });

  it.each([
    ['G', '20270501', { statut: 'SANS_PARTICIPATION', dateFin: '2027-05-01' }],
    ['P', '20261231', { statut: 'AVEC_PARTICIPATION', dateFin: '2026-12-31' }],
  ] as const)('maps C2S code %s', (cd_css, dt_fin, c2s) => {
    expect(toCouvertureSanteMsa({ css: { cd_css, dt_fin }, ind_medecin_traitant: 'O' })).toEqual({ c2s, medecinTraitantDeclare: true });
  });

  it.each([
    [
      { cd_etat: 'SER', mt_brut_mensuel: 82_570, dt_effet: '19970701' },
      { statut: 'RETRAITE', pensionMensuelle: 825.7, dateEffet: '1997-07-01' },
    ],
    [
      { cd_etat: 'INS', mt_brut_mensuel: null, dt_effet: null },
      { statut: 'DEMANDE_EN_COURS', pensionMensuelle: null, dateEffet: null },
    ],
    [
      { cd_etat: 'ACT', mt_brut_mensuel: null, dt_effet: null },
      { statut: 'ACTIF', pensionMensuelle: null, dateEffet: null },
    ],
  ] as const)('maps pension %o', (pension, retraite) => {
    expect(toRetraiteMsa(pension)).toEqual(retraite);
  });

  it('rejects a numéro d’adhérent out of format and an activity code it does not know', () => {
    const lot = (a: Record<string, unknown>) => lotResponseSchema.safeParse({ adherents: [{ ...adherent(), ...a }], nb_non_identifies: 0 }).success;
    expect(lot({})).toBe(true);
    expect(lot({ no_adherent: '0012345' })).toBe(false);
    expect(lot({ cd_activite: 'ART' })).toBe(false);
  });
});
