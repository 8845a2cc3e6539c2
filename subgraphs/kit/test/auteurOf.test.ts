import { expect } from '@jest/globals';
import { auteurMax, auteurOf, requireAuteur, type AppelPasserelle, type Caller, type Finalite } from '../src/index';

const appel = (fields: Partial<Caller>, finalite: Finalite | null): AppelPasserelle => ({
  requestId: 'r-1',
  caller: { subject: 's-1', kind: 'agent', roles: [], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null, ...fields },
  finalite,
});

describe('auteurOf: the author of a write, from the signed context', () => {
  it.each<[string, AppelPasserelle, string | null]>([
    ['a référent: registry id and organisation', appel({ roles: ['referent'], referentId: 'ref-001' }, 'accompagnement'), 'référent ref-001 (CD12)'],
    ['an agent: their organisation', appel({ roles: ['agent'], partenaire: 'departement' }, 'instruction'), 'agent CD12'],
    ['a reception agent', appel({ roles: ['accueil'], organisation: 'MDS-RODEZ' }, 'premier-accueil'), 'accueil MDS-RODEZ'],
    ['the usager themself', appel({ kind: 'usager', roles: ['usager'], organisation: 'usager', usagerId: 'u-1' }, 'information'), "l'usager"],
    ['a référent who is also an agent, for accompagnement: the référent', appel({ roles: ['agent', 'referent'], referentId: 'ref-001' }, 'accompagnement'), 'référent ref-001 (CD12)'],
    ['a référent who is also an agent, for instruction: the agent', appel({ roles: ['agent', 'referent'], referentId: 'ref-001' }, 'instruction'), 'agent CD12'],
    ['the référent role without a référent id: none', appel({ roles: ['referent'] }, 'accompagnement'), null],
    ['an analyst: none', appel({ roles: ['analyste'] }, 'statistique'), null],
    ['no purpose: none', appel({ roles: ['referent'], referentId: 'ref-001' }, null), null],
    ['anonymous: none', { requestId: 'r-1', caller: null, finalite: null }, null],
  ])('%s', (_label, given, expected) => {
    expect(auteurOf(given)).toBe(expected);
  });

  it(`keeps to ${auteurMax} characters, what the smallest partner system stores`, () => {
    const label = auteurOf(appel({ roles: ['agent'], organisation: 'O'.repeat(100) }, 'instruction'));
    expect(label).toBe(`agent ${'O'.repeat(auteurMax - 6)}`);
  });

  it('refuses a write without a caller (NON_AUTHENTIFIE) or without a role that writes (ACCES_REFUSE)', () => {
    expect(() => requireAuteur({ requestId: 'r-1', caller: null, finalite: null }, 'departement')).toThrow(
      expect.objectContaining({ message: 'This write needs an identified caller: its author is the caller.', extensions: { code: 'NON_AUTHENTIFIE', partenaire: 'departement', retryable: false } }),
    );
    expect(() => requireAuteur(appel({ roles: ['analyste'] }, 'statistique'), 'accueil')).toThrow(
      expect.objectContaining({ message: "The caller's roles for this purpose do not allow this write.", extensions: { code: 'ACCES_REFUSE', partenaire: 'accueil', retryable: false } }),
    );
  });
});
