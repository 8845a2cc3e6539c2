import type { IdentitePivot } from '../src/identitePivot';
import { decideRapprochement } from '../src/matching/decideRapprochement';
import { explainRapprochement } from '../src/matching/explainRapprochement';
import type { Bail, DemandeLogementSocial, DossierBailleur, FicheDemandeur, FicheLocataire, IdentiteDeclaree } from '../src/records/DossierBailleur';
import { toSituationBailleur } from '../src/resolvers/SituationBailleur';

const marieHelene: IdentitePivot = { nomNaissance: 'Fabré', nomUsage: 'Rouquette', prenoms: ['Marie-Hélène', 'Odette'], sexe: 'F', dateNaissance: '1979-11-23', codeLieuNaissance: '12145' };
const jean: IdentitePivot = { nomNaissance: 'Martin', nomUsage: null, prenoms: ['Jean'], sexe: 'M', dateNaissance: '1985-03-14', codeLieuNaissance: '12202' };

const bail = (reference: string): Bail => ({
  reference,
  typologie: 'T2',
  surface: 45,
  adresse: { ligne: '1 rue A', codePostal: '12000', commune: 'Rodez' },
  loyer: 338,
  charges: 40,
  solde: 0,
  moisImpayes: 0,
  planApurement: null,
  dateEntree: '2021-12-01',
});
const demande = (numeroUnique: string): DemandeLogementSocial => ({ numeroUnique, dateDepot: '2025-03-12', dateRenouvellement: null, statut: 'ACTIVE', typologieSouhaitee: 'T3' });
const typed = (nom: string, prenom: string, dateNaissance: string, codeLieuNaissance: string | null = null): IdentiteDeclaree => ({ nom, prenom, dateNaissance, codeLieuNaissance });
const locataire = (identite: IdentiteDeclaree, ...refs: string[]): FicheLocataire => ({ identite, baux: refs.map(bail) });
const demandeur = (identite: IdentiteDeclaree, numero: string): FicheDemandeur => ({ identite, demande: demande(numero) });
const dossier = (locataires: FicheLocataire[], demandeurs: FicheDemandeur[] = []): DossierBailleur => ({ locataires, demandeurs });

describe('decideRapprochement', () => {
  it('retains a compound name typed whole, and an application typed with the usage name, reporting the weaker of the two', () => {
    const d = decideRapprochement(marieHelene, dossier([locataire(typed('ROUQUETTE-FABRE', 'Marie Helene', '1979-11-23'), 'L1')], [demandeur(typed('ROUQUETTE', 'Marie-Hélène', '1979-11-23'), 'S1')]));
    expect(d).toEqual({
      statut: 'CERTAIN',
      score: 0.955,
      criteres: ['NOM_COMPOSE_PARTIEL', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'],
      baux: [bail('L1')],
      demandes: [demande('S1')],
      ambiguite: null,
    });
  });

  it('is only PROBABLE when the weakest record retained is (a secondary first name only)', () => {
    const d = decideRapprochement(marieHelene, dossier([locataire(typed('FABRE', 'Marie-Hélène', '1979-11-23'), 'L1')], [demandeur(typed('FABRE', 'ODETTE', '1979-11-23'), 'S1')]));
    expect(d).toMatchObject({
      statut: 'PROBABLE',
      score: 0.948,
      criteres: ['NOM_IDENTIQUE', 'PRENOM_SECONDAIRE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'],
      baux: [bail('L1')],
      demandes: [demande('S1')],
    });
  });

  it('refuses two tenant records that match equally well: AMBIGU, nothing retained, not even a matching application', () => {
    const d = decideRapprochement(
      jean,
      dossier([locataire(typed('MARTIN', 'Jean', '1985-03-14'), 'L1'), locataire(typed('MARTIN', 'Jean', '1985-03-14'), 'L2')], [demandeur(typed('MARTIN', 'Jean', '1985-03-14'), 'S1')]),
    );
    expect(d).toEqual({
      statut: 'AMBIGU',
      score: 1,
      criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'],
      baux: [],
      demandes: [],
      ambiguite: { fiches: 'locataires', candidats: 2 },
    });
  });

  it('refuses two applications that match equally well, even with a single tenant record', () => {
    const d = decideRapprochement(
      jean,
      dossier([locataire(typed('MARTIN', 'Jean', '1985-03-14'), 'L1')], [demandeur(typed('MARTIN', 'JEAN', '1985-03-14'), 'S1'), demandeur(typed('MARTIN', 'Jean', '1985-03-14'), 'S2')]),
    );
    expect(d).toMatchObject({ statut: 'AMBIGU', baux: [], demandes: [], ambiguite: { fiches: 'demandeurs', candidats: 2 } });
  });

  it('tells homonyms apart when the landlord recorded the birth place', () => {
    const d = decideRapprochement(jean, dossier([locataire(typed('MARTIN', 'JEAN', '1985-03-14', '12145'), 'MILLAU'), locataire(typed('MARTIN', 'JEAN', '1985-03-14', '12202'), 'RODEZ')]));
    expect(d).toMatchObject({ statut: 'CERTAIN', score: 1, criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_IDENTIQUE'], baux: [bail('RODEZ')] });
  });

  it('keeps a clearly better record over a weaker one (margin above 0.05)', () => {
    const d = decideRapprochement(jean, dossier([locataire(typed('MARTIN', 'Jean', '1985-03-14'), 'GOOD'), locataire(typed('MARTAIN', 'Jean', '1985-03-14'), 'TYPO')]));
    expect(d).toMatchObject({ statut: 'CERTAIN', score: 1, baux: [bail('GOOD')] });
  });

  it('accepts a typing variant of the name as PROBABLE', () => {
    const d = decideRapprochement(jean, dossier([locataire(typed('MARTAIN', 'Jean', '1985-03-14'), 'TYPO')]));
    expect(d.statut).toBe('PROBABLE');
    expect(d.criteres[0]).toBe('NOM_APPROCHANT');
    expect(d.score).toBeGreaterThanOrEqual(0.8);
    expect(d.score).toBeLessThan(0.95);
  });

  it.each([
    ['another birth place recorded', typed('MARTIN', 'Jean', '1985-03-14', '12145')],
    ['another date of birth', typed('MARTIN', 'Jean', '1985-03-15')],
    ['another first name', typed('MARTIN', 'Paul', '1985-03-14')],
    ['another name', typed('DURAND', 'Jean', '1985-03-14')],
  ])('answers AUCUN for a record with %s', (_case, identite) => {
    expect(decideRapprochement(jean, dossier([locataire(identite, 'L1')], [demandeur(identite, 'S1')]))).toEqual({
      statut: 'AUCUN',
      score: null,
      criteres: [],
      baux: [],
      demandes: [],
      ambiguite: null,
    });
  });
});

describe('explainRapprochement', () => {
  const base = { score: 1, criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_IDENTIQUE'] as const, baux: [], demandes: [], ambiguite: null };

  it('says what was found, and asks to confirm a probable match', () => {
    expect(explainRapprochement('Aveyron Habitat', { ...base, criteres: [...base.criteres], statut: 'PROBABLE', baux: [bail('A'), bail('B')], demandes: [demande('S')] })).toBe(
      "Aveyron Habitat : rapprochement probable pour 2 baux et 1 demande de logement social (même nom, même prénom, même date de naissance, même lieu de naissance). À confirmer avec la personne avant d'agir.",
    );
    expect(explainRapprochement('Aveyron Habitat', { ...base, criteres: [...base.criteres], statut: 'CERTAIN', demandes: [demande('S'), demande('T')] })).toBe(
      'Aveyron Habitat : rapprochement certain pour 2 demandes de logement social (même nom, même prénom, même date de naissance, même lieu de naissance).',
    );
  });

  it('says a certain match holds no current lease or application when it holds none', () => {
    expect(explainRapprochement('Rodez Agglo Habitat', { ...base, criteres: ['NOM_USAGE', 'PRENOM_APPROCHANT', 'DATE_NAISSANCE_PARTIELLE', 'LIEU_NAISSANCE_NON_COMPARE'], statut: 'CERTAIN' })).toBe(
      "Rodez Agglo Habitat : rapprochement certain (nom d'usage, prénom d'orthographe proche, date de naissance partielle compatible, lieu de naissance non enregistré par le bailleur), sans bail ni demande de logement en cours.",
    );
  });

  it('explains an ambiguous applicant match with a count only', () => {
    expect(
      explainRapprochement('Rodez Agglo Habitat', {
        ...base,
        criteres: ['NOM_APPROCHANT', 'PRENOM_SECONDAIRE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'],
        statut: 'AMBIGU',
        ambiguite: { fiches: 'demandeurs', candidats: 3 },
      }),
    ).toBe(
      "Rodez Agglo Habitat : 3 demandes de logement correspondent aussi bien à cette identité (nom d'orthographe proche, second prénom, même date de naissance, lieu de naissance non enregistré par le bailleur) " +
        "et le bailleur ne permet pas de les distinguer : aucune donnée n'est affichée, pour ne pas confondre deux personnes. Vérifier l'identité directement auprès du bailleur.",
    );
  });
});

describe('toSituationBailleur', () => {
  it('puts the decision, its explanation and the landlord together', () => {
    const situation = toSituationBailleur({ code: 'AH', nom: 'Aveyron Habitat' }, jean, dossier([locataire(typed('MARTIN', 'JEAN', '1985-03-14', '12202'), 'AH/1')]));
    expect(situation).toEqual({
      bailleur: { code: 'AH', nom: 'Aveyron Habitat' },
      rapprochement: {
        statut: 'CERTAIN',
        score: 1,
        criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_IDENTIQUE'],
        explication: 'Aveyron Habitat : rapprochement certain pour 1 bail (même nom, même prénom, même date de naissance, même lieu de naissance).',
      },
      baux: [bail('AH/1')],
      demandes: [],
    });
  });
});
