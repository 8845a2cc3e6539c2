import { Kind, parse } from 'graphql';
import { declaredPartners } from '../../src/authorization/declaredPartners';
import { readLinkedFeatures } from '../../src/authorization/readLinkedFeatures';
import { supergraphSdl } from './profiles';

/** The partners this table was written for (schema/AUTHORIZATION.md); the tests name their fields one by one. */
export const tabulatedPartners: readonly string[] = ['caf', 'msa', 'france-travail', 'cpam', 'carsat', 'bailleurs', 'siao', 'departement'];

/**
 * Partners published since (a new subgraph folder, `npm run subgraph:new`): declared with a
 * schema-level `@partenaire` in the supergraph and not in the table, with the `Usager` fields
 * their subgraph marks `@partenaire(code:)`. Their fields follow the convention's
 * `presence:<code>` / `donnees-partenaire:<code>` signatures, which these tests check generically.
 */
export function publishedPartners(): Array<{ code: string; usagerFields: string[] }> {
  const document = parse(supergraphSdl);
  const codes = [...declaredPartners(document, readLinkedFeatures(document))].filter((code) => !tabulatedPartners.includes(code) && !['identite', 'accueil', 'journal'].includes(code));
  const usagerFields = document.definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Usager' ? (d.fields ?? []) : []));
  const codeOf = (field: (typeof usagerFields)[number]) => {
    const value = field.directives?.find((d) => d.name.value === 'partenaire')?.arguments?.find((a) => a.name.value === 'code')?.value;
    return value?.kind === Kind.STRING ? value.value : null;
  };
  return codes.map((code) => ({ code, usagerFields: usagerFields.filter((f) => codeOf(f) === code).map((f) => f.name.value) }));
}
