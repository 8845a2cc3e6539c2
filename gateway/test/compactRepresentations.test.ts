import { expect } from '@jest/globals';
import { compactRepresentations } from '../src/fetch/compactRepresentations';

const usager = (nir: string, extra: Record<string, unknown> = {}) => ({ __typename: 'Usager', nir, ...extra });

describe('compactRepresentations', () => {
  it('leaves a list without duplicates or withheld usagers as it is', () => {
    const list = [usager('1'), usager('2'), { __typename: 'Bail', reference: 'B-1' }];
    expect(compactRepresentations(list, [])).toEqual({ sent: list, positions: [0, 1, 2], changed: false });
  });

  it('sends an identical representation once, every position answered by it', () => {
    const list = [usager('1', { caf: { connu: true } }), usager('2'), usager('1', { caf: { connu: true } }), usager('1', { caf: { connu: true } })];
    const compact = compactRepresentations(list, []);
    expect(compact).toEqual({ sent: [list[0], list[1]], positions: [0, 1, 0, 0], changed: true });
  });

  it('sends two representations of one usager that differ (same NIR, other required fields) both', () => {
    const list = [usager('1', { caf: { connu: true } }), usager('1', { caf: { connu: false } }), usager('1', { caf: { connu: false } })];
    expect(compactRepresentations(list, [])).toEqual({ sent: [list[0], list[1]], positions: [0, 1, 1], changed: true });
  });

  it('compares in full representations keyed by neither NIR nor id', () => {
    const pivot = { __typename: 'Usager', identitePivot: { nomNaissance: 'X', dateNaissance: '1990-01-01' } };
    const list = [pivot, { ...pivot }, { __typename: 'Usager', identitePivot: { nomNaissance: 'Y', dateNaissance: '1990-01-01' } }];
    expect(compactRepresentations(list, [])).toEqual({ sent: [list[0], list[2]], positions: [0, 0, 1], changed: true });
  });

  it('takes withheld positions out', () => {
    const list = [usager('1'), usager('2'), usager('1')];
    expect(compactRepresentations(list, [false, true, false])).toEqual({ sent: [list[0]], positions: [0, -1, 0], changed: true });
  });
});
