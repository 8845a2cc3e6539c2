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
