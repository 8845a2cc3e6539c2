import { expect } from '@jest/globals';
import { finalites, roles, type Caller, type Role } from '@passerelle/subgraph-kit';
import type { AccessFacts } from '../src/rows/accessFacts';
import { maySeeUsager, relationDecides, teamOnly } from '../src/rows/rowPolicy';

/** Every non-empty set of roles. */
const roleSets: Role[][] = Array.from({ length: 2 ** roles.length - 1 }, (_, mask) => roles.filter((_, bit) => ((mask + 1) >> bit) & 1));

/** Access facts that decide each way for a caller with référent id ref-001: followed, in the team only, neither, unknown. */
const factsCases: Array<AccessFacts | undefined> = [
  { referentId: 'ref-001', oppositions: [], equipe: [] },
  { referentId: 'ref-007', oppositions: [], equipe: ['ref-001'] },
  { referentId: 'ref-007', oppositions: ['caf'], equipe: [] },
  { referentId: null, oppositions: [], equipe: [] },
  undefined,
];

describe('relationDecides', () => {
  it('is false only where maySeeUsager and teamOnly decide the same whatever the access facts hold, for every role set, purpose and self', () => {
    let withoutFacts = 0;
    for (const set of roleSets) {
      const caller: Caller = { subject: 's', kind: 'agent', roles: set, organisation: 'CD12', partenaire: 'caf', referentId: 'ref-001', usagerId: 'u-1' };
      for (const finalite of finalites) {
        if (relationDecides(caller, finalite)) continue;
        for (const isSelf of [true, false]) {
          withoutFacts += 1;
          const seen = new Set(factsCases.map((facts) => maySeeUsager(caller, finalite, isSelf, facts)));
          const team = new Set(factsCases.map((facts) => teamOnly(caller, finalite, isSelf, facts)));
          expect({ roles: set, finalite, isSelf, seen: [...seen], team: [...team] }).toEqual({ roles: set, finalite, isSelf, seen: [...seen].slice(0, 1), team: [...team].slice(0, 1) });
        }
      }
    }
    // The cases that skip the facts exist (a reception agent, a partner agent, a usager, an analyst).
    expect(withoutFacts).toBeGreaterThan(100);
  });

  it('is true for a référent alone, whose decisions the facts change', () => {
    const referent: Caller = { subject: 's', kind: 'agent', roles: ['referent'], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null };
    expect(relationDecides(referent, 'accompagnement')).toBe(true);
    expect(new Set(factsCases.map((facts) => maySeeUsager(referent, 'accompagnement', false, facts)))).toEqual(new Set([true, false]));
    expect(relationDecides({ ...referent, roles: ['referent', 'accueil'] }, 'premier-accueil')).toBe(false);
  });
});
