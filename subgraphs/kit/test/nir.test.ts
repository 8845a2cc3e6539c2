import { buildNir, checkNir, computeNirKey } from '../src/identity/nir';

describe('NIR', () => {
  it.each([
    ['born in Rodez', '1850312202012', '1 85 03 12 202 012'],
    ['born in Corse-du-Sud (2A → 19)', '190072A004001', '1900719004001'],
    ['born in Haute-Corse (2B → 18)', '275112B033007', '2751118033007'],
    ['born abroad (99 + Morocco 350)', '2750999350017', '2750999350017'],
    ['born overseas (974 11)', '1020397411003', '1020397411003'],
  ])('computes the key of a NIR %s', (_case, first13, numeric) => {
    const expected = String(97 - Number(BigInt(numeric.replace(/\s/g, '')) % 97n)).padStart(2, '0');
    expect(computeNirKey(first13)).toBe(expected);
    expect(checkNir(first13 + expected)).toEqual({ valide: true, nir: first13 + expected });
  });

  it('distinguishes 2A from 2B through the key', () => {
    const corsican = buildNir({ sexe: 1, annee: 1990, mois: 7, lieu: '2A004', ordre: 1 });
    expect(corsican.slice(5, 7)).toBe('2A');
    expect(checkNir(corsican).valide).toBe(true);
    // The same characters in Haute-Corse are another number, with another key.
    expect(checkNir(corsican.replace('2A', '2B')).valide).toBe(false);
  });

  it('accepts spaces and lower-case Corsican letters', () => {
    const nir = buildNir({ sexe: 2, annee: 1975, mois: 11, lieu: '2B033', ordre: 7 });
    const spaced = `${nir.slice(0, 1)} ${nir.slice(1, 3)} ${nir.slice(3, 5)} ${nir.slice(5, 7).toLowerCase()} ${nir.slice(7)}`;
    expect(checkNir(spaced)).toEqual({ valide: true, nir });
  });

  it.each([
    ['too short', '18503122020'],
    ['letters', '1850312A02012XX'],
    ['sex 3', '385031220201299'],
    ['month 13', '185131220201299'],
    ['2C département', '190072C00400100'],
  ])('rejects a malformed NIR (%s) as a format problem', (_case, nir) => {
    expect(checkNir(nir)).toEqual({ valide: false, probleme: 'format' });
  });

  it('rejects a wrong key as a key problem', () => {
    const nir = buildNir({ sexe: 1, annee: 1985, mois: 3, lieu: '12202', ordre: 12 });
    const wrong = nir.slice(0, 13) + String((Number(nir.slice(13)) % 97) + 1).padStart(2, '0');
    expect(checkNir(wrong)).toEqual({ valide: false, probleme: 'cle' });
  });

  it('refuses to compute a key from something that is not 13 characters', () => {
    expect(() => computeNirKey('123')).toThrow(RangeError);
  });
});
