import { createUsagerIdCodec } from '@passerelle/subgraph-kit';
import { parse, print } from 'graphql';
import { authorizeOperation } from '../../src/authorization/authorizeOperation';
import { RequestSecurity } from '../../src/pipeline/RequestSecurity';
import { authorizeFields, rightsProfile } from '../../src/pipeline/steps/authorizeFields';
import { apiSchema, profiles, requirements, type ProfileName } from './profiles';

const codec = createUsagerIdCodec('authorize-fields-cache-test-secret');
const requestAs = (name: ProfileName) => {
  const { caller, finalite } = profiles[name]!;
  const request = new RequestSecurity({ requestId: `test-${name}`, caller, codec });
  request.declarePurpose(finalite);
  return request;
};
// One document object, as Apollo Server hands the same parsed document to every request with the same text.
const document = parse('query Dossier($id: ID!) { usager(id: $id) { identite { nomNaissance } caf { numeroAllocataire } cpam { regime } rsa { etat } } }');
const authorize = (name: ProfileName) => authorizeFields({ request: requestAs(name), document, operationName: 'Dossier', schema: apiSchema, requirements });

describe('authorizeFields: cached per document and rights profile, never across rights', () => {
  it('gives each caller, interleaved and with the cache warm, exactly what authorizeOperation gives them', () => {
    const order: ProfileName[] = ['agent caf (instruction)', 'agent cpam (instruction)', 'agent caf (instruction)', 'anonyme', 'agent cpam (instruction)', 'referent', 'anonyme'];
    for (const name of order) {
      const { caller, finalite } = profiles[name]!;
      const fresh = authorizeOperation({ document, operationName: 'Dossier', schema: apiSchema, requirements, caller, finalite });
      const cached = authorize(name);
      expect(print(cached.document)).toBe(print(fresh.document));
      expect(cached.denials).toEqual(fresh.denials);
    }
  });

  it('two callers with different rights on the same document get different operations; the same rights share one', () => {
    const caf = authorize('agent caf (instruction)');
    const cpam = authorize('agent cpam (instruction)');
    expect(caf.denials.map((d) => d.coordinate)).toContain('Usager.cpam');
    expect(cpam.denials.map((d) => d.coordinate)).toContain('Usager.caf');
    expect(caf.document).not.toBe(cpam.document);
    expect(authorize('agent caf (instruction)').document).toBe(caf.document);
    // Nobody identified: the same fields refused, but NON_AUTHENTIFIE, not ACCES_REFUSE.
    expect(authorize('anonyme').denials.every((d) => d.code === 'NON_AUTHENTIFIE')).toBe(true);
  });

  it('the rights profile tells apart callers whose rights differ, and only those', () => {
    const of = (name: ProfileName) => rightsProfile(requirements, profiles[name]!.caller, profiles[name]!.finalite);
    expect(of('agent caf (instruction)')).not.toBe(of('agent caf (controle)'));
    expect(of('agent caf (instruction)')).not.toBe(of('agent cpam (instruction)'));
    expect(of('referent')).not.toBe(of('referent sans finalite'));
    expect(of('anonyme')).not.toBe(of('referent sans finalite'));
    expect(of('referent')).toBe(rightsProfile(requirements, { ...profiles.referent!.caller!, subject: 'someone-else' }, 'accompagnement'));
  });

  it('a cached answer cannot be changed in place by one request for the next', () => {
    const first = authorize('agent caf (instruction)');
    expect(Object.isFrozen(first.denials)).toBe(true);
    expect(() => (first.denials as unknown as unknown[]).push({})).toThrow(TypeError);
  });
});
