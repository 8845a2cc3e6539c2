import type { Denial } from '../../src/authorization/AuthRequirement';
import { applyDenials } from '../../src/authorization/applyDenials';
import { placeholderAlias } from '../../src/authorization/authorizeOperation';

const refused = (path: string[], coordinate: string): Denial => ({ path, coordinate, code: 'ACCES_REFUSE' });

describe('applyDenials', () => {
  it('sets null in every object along the path, through lists and aliases, and drops the placeholders', () => {
    const result = {
      data: {
        premiers: [{ id: 'u1', caf: { [placeholderAlias]: 'DossierCaf' } }, null, { id: 'u3', caf: null }],
        autres: [{ id: 'u1', droitsCaf: { [placeholderAlias]: 'DossierCaf' }, rsa: { etat: 'CLOS' } }],
      },
    };
    const before = structuredClone(result);
    const denials = [
      refused(['premiers', 'caf', 'numeroAllocataire'], 'DossierCaf.numeroAllocataire'),
      refused(['premiers', 'caf', 'quotientFamilial'], 'DossierCaf.quotientFamilial'),
      refused(['autres', 'droitsCaf', 'droits'], 'DossierCaf.droits'),
      refused(['autres', 'synthese'], 'Usager.synthese'),
    ];
    expect(applyDenials(result, denials)).toEqual({
      data: {
        premiers: [{ id: 'u1', caf: { numeroAllocataire: null, quotientFamilial: null } }, null, { id: 'u3', caf: null }],
        autres: [{ id: 'u1', droitsCaf: { droits: null }, rsa: { etat: 'CLOS' }, synthese: null }],
      },
      errors: [
        { message: 'Not authorized to read DossierCaf.numeroAllocataire', path: ['premiers', 'caf', 'numeroAllocataire'], extensions: { code: 'ACCES_REFUSE' } },
        { message: 'Not authorized to read DossierCaf.quotientFamilial', path: ['premiers', 'caf', 'quotientFamilial'], extensions: { code: 'ACCES_REFUSE' } },
        { message: 'Not authorized to read DossierCaf.droits', path: ['autres', 'droitsCaf', 'droits'], extensions: { code: 'ACCES_REFUSE' } },
        { message: 'Not authorized to read Usager.synthese', path: ['autres', 'synthese'], extensions: { code: 'ACCES_REFUSE' } },
      ],
    });
    expect(result).toEqual(before);
  });

  it('goes through lists of lists', () => {
    const result = { data: { pages: [[{ a: 1 }, { a: 2 }], [], [{ a: 3 }]] } };
    expect(applyDenials(result, [refused(['pages', 'b'], 'T.b')]).data).toEqual({
      pages: [
        [
          { a: 1, b: null },
          { a: 2, b: null },
        ],
        [],
        [{ a: 3, b: null }],
      ],
    });
  });

  it('answers null for every root field of an operation entirely denied, after the errors already there', () => {
    const result = { data: { [placeholderAlias]: 'Query' }, errors: [{ message: 'Partner down', path: ['x'], extensions: { code: 'PARTENAIRE_INDISPONIBLE' } }] };
    const denied = applyDenials(result, [
      { path: ['usager'], coordinate: 'Query.usager', code: 'NON_AUTHENTIFIE' },
      { path: ['lieuxAccueil'], coordinate: 'Query.lieuxAccueil', code: 'NON_AUTHENTIFIE' },
    ]);
    expect(denied).toEqual({
      data: { usager: null, lieuxAccueil: null },
      errors: [
        result.errors[0],
        { message: 'Not authorized to read Query.usager', path: ['usager'], extensions: { code: 'NON_AUTHENTIFIE' } },
        { message: 'Not authorized to read Query.lieuxAccueil', path: ['lieuxAccueil'], extensions: { code: 'NON_AUTHENTIFIE' } },
      ],
    });
  });

  it('still reports a denial under a parent that came back null, without inventing the parent', () => {
    const denied = applyDenials({ data: { usager: null } }, [refused(['usager', 'rsa'], 'Usager.rsa')]);
    expect(denied).toEqual({ data: { usager: null }, errors: [{ message: 'Not authorized to read Usager.rsa', path: ['usager', 'rsa'], extensions: { code: 'ACCES_REFUSE' } }] });
  });

  it('leaves a result without data, or without denials, as it is', () => {
    const failed = { errors: [{ message: 'boom' }] };
    expect(applyDenials(failed, [refused(['usager'], 'Query.usager')]).errors).toHaveLength(2);
    const untouched = { data: { a: 1 } };
    expect(applyDenials(untouched, [])).toBe(untouched);
  });
});
