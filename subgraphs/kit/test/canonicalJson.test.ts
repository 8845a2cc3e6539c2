import { canonicalJson } from '../src/audit/canonicalJson';

/** The definition, written the plain way: what the chained hashes of existing journals were computed with. */
function reference(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('non-finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: unknown) => reference(item)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${reference(item)}`).join(',')}}`;
  }
  throw new TypeError('unrepresentable');
}

/** A deterministic pseudo-random value of JSON's kinds, keys in any order, some properties undefined. */
function randomValue(seed: { n: number }, depth: number): unknown {
  seed.n = (seed.n * 1103515245 + 12345) % 2 ** 31;
  const pick = seed.n % (depth > 3 ? 4 : 7);
  const keys = ['b', 'a', 'é', 'Z', '\uffff', '😀', 'aa', '', '10', '9'];
  switch (pick) {
    case 0:
      return null;
    case 1:
      return seed.n % 2 === 0;
    case 2:
      return (seed.n % 2000) - 1000 + (seed.n % 3) / 4;
    case 3:
      return keys[seed.n % keys.length]!.repeat(1 + (seed.n % 3));
    case 4:
    case 5: {
      const object: Record<string, unknown> = {};
      const count = seed.n % 6;
      for (let i = 0; i < count; i += 1) {
        seed.n = (seed.n * 1103515245 + 12345) % 2 ** 31;
        object[keys[seed.n % keys.length]!] = seed.n % 5 === 0 ? undefined : randomValue(seed, depth + 1);
      }
      return object;
    }
    default: {
      const count = seed.n % 5;
      return Array.from({ length: count }, () => randomValue(seed, depth + 1));
    }
  }
}

describe('canonicalJson', () => {
  it('gives the same text whatever order the keys were set in, without whitespace or undefined properties', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: 0, y: -1.5 } })).toBe('{"a":[true,null,"x"],"b":1,"d":{"y":-1.5,"z":0}}');
    expect(canonicalJson({ d: { y: -1.5, z: 0 }, a: [true, null, 'x'], b: 1 })).toBe(canonicalJson({ b: 1, a: [true, null, 'x'], d: { z: 0, y: -1.5 } }));
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({ only: undefined })).toBe('{}');
  });

  it('orders keys by UTF-16 code units: an astral character before U+FFFF, capitals before small letters', () => {
    expect(canonicalJson({ '\uffff': 1, '😀': 2, a: 3, Z: 4, é: 5 })).toBe('{"Z":4,"a":3,"é":5,"😀":2,"\uffff":1}');
  });

  it('refuses what JSON cannot represent exactly', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow('non-finite');
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow('non-finite');
    expect(() => canonicalJson([undefined])).toThrow('cannot represent a undefined');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('cannot represent a function');
    expect(() => canonicalJson(1n)).toThrow('cannot represent a bigint');
  });

  it('writes exactly what the plain definition writes, on 2,000 random values (the journal chain depends on it)', () => {
    const seed = { n: 42 };
    for (let i = 0; i < 2000; i += 1) {
      const value = randomValue(seed, 0);
      expect(canonicalJson(value)).toBe(reference(value));
    }
  });
});
