import { decideMatch } from '../src/identity/decideMatch';
import { matchIdentity, type IdentityForMatching } from '../src/identity/matchIdentity';
import { normalizeName } from '../src/identity/normalizeName';

const marieHelene: IdentityForMatching = { noms: ['Fabré', 'Rouquette'], prenoms: ['Marie-Hélène', 'Odette'], sexe: 'F', dateNaissance: '1979-11-23', codeLieuNaissance: '12145' };
const record = (nom: string, prenom: string, extra: Partial<IdentityForMatching> = {}): IdentityForMatching => ({ noms: [nom], prenoms: [prenom], dateNaissance: '1979-11-23', ...extra });

describe('normalizeName', () => {
  it.each([
    ["Marie-Hélène d'Arc", 'MARIE HELENE D ARC'],
    ['  Lefèvre   Œuvray ', 'LEFEVRE OEUVRAY'],
    ['N’Diaye', 'N DIAYE'],
  ])('normalises %s', (raw, expected) => expect(normalizeName(raw)).toBe(expected));
});

describe('matchIdentity', () => {
  it('matches on the usage name regardless of accents, hyphens and case', () => {
    expect(matchIdentity(marieHelene, record('ROUQUETTE', 'MARIE HELENE'))).toEqual({
      score: 0.986, // 0.45 × 0.97 (usage name) + 0.35 + 0.2
      criteres: ['NOM_USAGE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'],
    });
  });

  it('matches a compound name recorded whole against one of its parts', () => {
    const result = matchIdentity(marieHelene, record('ROUQUETTE-FABRE', 'Marie Helene'));
    expect(result.criteres[0]).toBe('NOM_COMPOSE_PARTIEL');
    expect(result.score).toBeCloseTo(0.955, 3);
  });

  it('accepts a typing variant with a lower score', () => {
    const result = matchIdentity(marieHelene, record('ROUQUETE', 'MARIE-HELENE'));
    expect(result.criteres[0]).toBe('NOM_APPROCHANT');
    expect(result.score).toBeLessThan(0.95);
    expect(result.score).toBeGreaterThan(0.8);
  });

  it('matches on a secondary first name', () => {
    expect(matchIdentity(marieHelene, record('FABRE', 'Odette')).criteres[1]).toBe('PRENOM_SECONDAIRE');
  });

  it.each([
    ['another date of birth', record('FABRE', 'Marie-Hélène', { dateNaissance: '1979-11-24' })],
    ['another sex', record('FABRE', 'Marie-Hélène', { sexe: 'M' })],
    ['another birth place', record('FABRE', 'Marie-Hélène', { codeLieuNaissance: '12202' })],
    ['another name', record('DUPONT', 'Marie-Hélène')],
    ['another first name', record('FABRE', 'Sophie')],
  ])('rules out %s', (_case, other) => {
    expect(matchIdentity(marieHelene, other).score).toBe(0);
  });

  it('accepts a partial date of birth with less confidence', () => {
    const result = matchIdentity(marieHelene, record('FABRE', 'Marie-Hélène', { dateNaissance: '1979-11' }));
    expect(result.criteres).toContain('DATE_NAISSANCE_PARTIELLE');
    expect(result.score).toBeCloseTo(0.94, 2);
  });
});

describe('decideMatch', () => {
  const scored = (...scores: number[]) => scores.map((score, i) => ({ record: `r${i}`, match: { score, criteres: [] } }));

  it('retains the best record above the threshold', () => {
    expect(decideMatch(scored(0.82, 0.99, 0.5))).toMatchObject({ statut: 'CERTAIN', retenu: 'r1', score: 0.99, candidats: 2 });
    expect(decideMatch(scored(0.85))).toMatchObject({ statut: 'PROBABLE', retenu: 'r0' });
  });

  it('refuses two indistinguishable records as ambiguous rather than guessing', () => {
    expect(decideMatch(scored(0.97, 0.97))).toEqual({ statut: 'AMBIGU', retenu: null, score: 0.97, criteres: [], candidats: 2 });
  });

  it('says AUCUN when nothing passes the threshold', () => {
    expect(decideMatch(scored(0.79, 0))).toEqual({ statut: 'AUCUN', retenu: null, score: null, criteres: [], candidats: 0 });
  });
});
