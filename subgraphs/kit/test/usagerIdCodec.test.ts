import { createUsagerIdCodec } from '../src/identity/usagerIdCodec';

const codec = createUsagerIdCodec('a-secret-of-at-least-16');
const nir = '286041220200135';

describe('usager id codec', () => {
  it('is stable and reversible by the server', () => {
    const id = codec.encode(nir);
    expect(codec.encode(nir)).toBe(id);
    expect(codec.decode(id)).toBe(nir);
  });

  it('does not contain the NIR nor its digits in clear', () => {
    const id = codec.encode(nir);
    expect(id).not.toContain(nir);
    expect(id).not.toContain(nir.slice(0, 7));
    expect(id).toMatch(/^u_[A-Za-z0-9_-]+$/);
  });

  it('gives different NIRs different ids', () => {
    expect(codec.encode(nir)).not.toBe(codec.encode('186041220200136'));
  });

  it.each([
    ['issued under another secret', createUsagerIdCodec('another-secret-16chars').encode(nir)],
    [
      'tampered with',
      (() => {
        const id = codec.encode(nir);
        return id.slice(0, 10) + (id[10] === 'A' ? 'B' : 'A') + id.slice(11);
      })(),
    ],
    ['without prefix', codec.encode(nir).slice(2)],
    ['truncated', codec.encode(nir).slice(0, 20)],
    ['garbage', 'u_!!!'],
    ['very long', `u_${'A'.repeat(500)}`],
  ])('rejects an id %s', (_case, id) => {
    expect(codec.decode(id)).toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => createUsagerIdCodec('short')).toThrow(RangeError);
  });
});
