import { createUsagerIdCodec, type Caller } from '@passerelle/subgraph-kit';
import { RequestSecurity } from '../src/pipeline/RequestSecurity';

const codec = createUsagerIdCodec('request-security-test-secret');
const caller = (subject: string): Caller => ({ subject, organisation: 'CD12', roles: ['referent'], referentId: subject, partenaire: null, usagerId: null }) as unknown as Caller;
const nir = '285017512345678';

describe('RequestSecurity: what it remembers stays in its request', () => {
  it('decodes each id once and encodes each NIR once, giving the ids the codec issues', () => {
    const request = new RequestSecurity({ requestId: 'r1', caller: caller('a'), codec });
    const id = codec.encode(nir);
    expect(request.nirOfId(id)).toBe(nir);
    expect(request.nirOfId(id)).toBe(nir);
    expect(request.idOfNir(nir)).toBe(id);
    expect(request.nirOfId('u_forged')).toBeNull();
    expect(request.nirOfId(42)).toBeNull();
    request.reach(nir);
    expect([...request.reached]).toEqual([id]);
  });

  it('takes an id it decoded as the NIR’s id only when it is spelled exactly as the codec issues it', () => {
    const id = codec.encode(nir);
    const issued = new RequestSecurity({ requestId: 'r1', caller: caller('a'), codec });
    expect(issued.nirOfId(id)).toBe(nir);
    issued.reach(nir);
    expect([...issued.reached]).toEqual([id]);
    // The same bytes, the last character's unused low bits changed: decodes, but is not the issued id.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = id[id.length - 1]!;
    const respelled = id.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(respelled).not.toBe(id);
    const other = new RequestSecurity({ requestId: 'r2', caller: caller('a'), codec });
    expect(other.nirOfId(respelled)).toBe(nir);
    other.reach(nir);
    expect([...other.reached]).toEqual([id]);
    expect(codec.decodeIssued(respelled)).toEqual({ nir, issued: false });
    expect(codec.decodeIssued(id)).toEqual({ nir, issued: true });
    expect(codec.decodeIssued('u_forged')).toBeNull();
  });

  it('signs a context once per subgraph within a second, and never hands one request’s context to another', async () => {
    const first = new RequestSecurity({ requestId: 'r1', caller: caller('a'), codec });
    const second = new RequestSecurity({ requestId: 'r2', caller: caller('b'), codec });
    const signed: string[] = [];
    const signer = (request: RequestSecurity, audience: string) => () => {
      const token = `${request.requestId}:${audience}:${signed.length}`;
      signed.push(token);
      return Promise.resolve(token);
    };
    const a = await first.signedContext('caf', signer(first, 'caf'));
    // Within the same second, the same claims: the same token (unless the second turned meanwhile).
    expect([a, `r1:caf:${signed.length}`]).toContain(await first.signedContext('caf', signer(first, 'caf')));
    expect(await first.signedContext('cpam', signer(first, 'cpam'))).toMatch(/^r1:cpam:/);
    expect(await second.signedContext('caf', signer(second, 'caf'))).toMatch(/^r2:caf:/);
  });

  it('signs again after a failed signature', async () => {
    const request = new RequestSecurity({ requestId: 'r1', caller: caller('a'), codec });
    await expect(request.signedContext('caf', () => Promise.reject(new Error('no key')))).rejects.toThrow('no key');
    await new Promise((resolve) => setImmediate(resolve));
    await expect(request.signedContext('caf', () => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});

describe('RequestSecurity: pivot identities', () => {
  const pivot = (nomNaissance: string, dateNaissance: string, prenoms?: string[]) => ({ nomNaissance, dateNaissance, ...(prenoms ? { prenoms } : {}) });

  it('finds the one usager whose remembered pivot has the values given, on the fields given, before and after more are remembered', () => {
    const request = new RequestSecurity({ requestId: 'r1', caller: caller('a'), codec });
    request.rememberPivot(pivot('MARTIN', '1980-01-02', ['Léa']), '280017512345601');
    expect(request.nirOfPivot(pivot('MARTIN', '1980-01-02', ['Léa']))).toBe('280017512345601');
    expect(request.nirOfPivot({ dateNaissance: '1980-01-02' })).toBe('280017512345601');
    // A second usager born the same day: the birth date alone no longer tells them apart.
    request.rememberPivot(pivot('DURAND', '1980-01-02', ['Léa']), '280017512345602');
    expect(request.nirOfPivot({ dateNaissance: '1980-01-02' })).toBeNull();
    expect(request.nirOfPivot(pivot('DURAND', '1980-01-02', ['Léa']))).toBe('280017512345602');
    expect(request.nirOfPivot(pivot('DURAND', '1980-01-02', ['Lea']))).toBeNull();
    // A field the remembered pivot lacks matches only a pivot given without it.
    expect(request.nirOfPivot({ ...pivot('MARTIN', '1980-01-02', ['Léa']), sexe: 'F' })).toBeNull();
    // The same usager remembered twice counts once; homonyms with the same pivot count twice.
    request.rememberPivot(pivot('MARTIN', '1980-01-02', ['Léa']), '280017512345601');
    expect(request.nirOfPivot(pivot('MARTIN', '1980-01-02', ['Léa']))).toBe('280017512345601');
    request.rememberPivot(pivot('MARTIN', '1980-01-02', ['Léa']), '280017512345603');
    expect(request.nirOfPivot(pivot('MARTIN', '1980-01-02', ['Léa']))).toBeNull();
    expect(new RequestSecurity({ requestId: 'r2', caller: caller('a'), codec }).nirOfPivot(pivot('DURAND', '1980-01-02', ['Léa']))).toBeNull();
  });

  it('compares on the fields each pivot gives, when consecutive lookups give fewer, more or reordered fields', () => {
    const request = new RequestSecurity({ requestId: 'r1', caller: caller('a'), codec });
    request.rememberPivot(pivot('MARTIN', '1980-01-02', ['Léa']), '280017512345601');
    request.rememberPivot(pivot('DURAND', '1980-01-02', ['Léa']), '280017512345602');
    expect(request.nirOfPivot(pivot('DURAND', '1980-01-02', ['Léa']))).toBe('280017512345602');
    // A prefix of the last fields, then the same fields in another order, then one field more.
    expect(request.nirOfPivot({ nomNaissance: 'MARTIN', dateNaissance: '1980-01-02' })).toBe('280017512345601');
    expect(request.nirOfPivot({ dateNaissance: '1980-01-02', nomNaissance: 'DURAND' })).toBe('280017512345602');
    expect(request.nirOfPivot({ dateNaissance: '1980-01-02', nomNaissance: 'DURAND', sexe: 'M' })).toBeNull();
    expect(request.nirOfPivot({ dateNaissance: '1980-01-02' })).toBeNull();
  });
});
