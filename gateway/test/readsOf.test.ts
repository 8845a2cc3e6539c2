import { getIntrospectionQuery, parse } from 'graphql';
import { readsOf } from '../src/security/readsOf';
import { apiSchema } from './authorization/profiles';

const owners = new Map<string, readonly string[]>([
  ['Query.usager', ['identite']],
  ['Usager.identite', ['identite']],
  ['IdentiteCivile.nomNaissance', ['identite']],
]);

describe('readsOf: what the audit journal records as read', () => {
  it('counts introspection as reading nobody: no coordinate, not personal', () => {
    expect(readsOf(apiSchema, parse(getIntrospectionQuery()), 'IntrospectionQuery', owners)).toEqual({ byPartner: {}, personal: false });
    expect(readsOf(apiSchema, parse('{ __type(name: "Usager") { name fields { name type { name } } } }'), null, owners)).toEqual({ byPartner: {}, personal: false });
  });

  it('still records the data fields of an operation that also introspects', () => {
    const document = parse('{ __schema { types { name } } usager(id: "u-1") { identite { nomNaissance } } }');
    expect(readsOf(apiSchema, document, null, owners)).toEqual({ byPartner: { identite: ['IdentiteCivile.nomNaissance', 'Query.usager', 'Usager.identite'] }, personal: true });
  });
});
