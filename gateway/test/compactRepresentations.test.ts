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

  it('keys pivot representations by the NIR the guard found, and still compares them in full', () => {
    const pivot = (nomNaissance: string, bail?: string) => ({ __typename: 'Usager', identitePivot: { nomNaissance, dateNaissance: '1990-01-01' }, ...(bail ? { bail } : {}) });
    // Two usagers, the first twice; the same usager with other required fields; one the gateway could not identify.
    const list = [pivot('X'), pivot('Y'), pivot('X'), pivot('X', 'B-1'), pivot('Z'), pivot('Z')];
    const nirs = ['1', '2', '1', '1', null, null];
    expect(compactRepresentations(list, [], nirs)).toEqual({ sent: [list[0], list[1], list[3], list[4]], positions: [0, 1, 0, 2, 3, 3], changed: true });
  });

  it('never merges different representations that a wrong NIR would key alike', () => {
    const list = [
      { __typename: 'Usager', identitePivot: { nomNaissance: 'X' } },
      { __typename: 'Usager', identitePivot: { nomNaissance: 'Y' } },
    ];
    expect(compactRepresentations(list, [], ['1', '1'])).toEqual({ sent: list, positions: [0, 1], changed: false });
  });

  it('takes withheld positions out', () => {
    const list = [usager('1'), usager('2'), usager('1')];
    expect(compactRepresentations(list, [false, true, false])).toEqual({ sent: [list[0]], positions: [0, -1, 0], changed: true });
  });
});
