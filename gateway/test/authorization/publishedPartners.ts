import { readPartnerRegistry } from '../../src/partners/readPartnerRegistry';
import { supergraphSdl } from './profiles';

/** The partners this table was written for (schema/AUTHORIZATION.md); the tests name their fields one by one. */
export const tabulatedPartners: readonly string[] = ['caf', 'msa', 'france-travail', 'cpam', 'carsat', 'bailleurs', 'siao', 'departement'];

/**
 * Partners published since (a new subgraph folder, `npm run subgraph:new`): opposable partners the
 * supergraph declares with `@partenaire` and the table does not list, with the `Usager` fields
 * their subgraph marks. Their fields follow the convention's `presence:<code>` /
 * `donnees-partenaire:<code>` signatures, which these tests check generically.
 */
export function publishedPartners(): Array<{ code: string; usagerFields: string[] }> {
  return [...readPartnerRegistry(supergraphSdl).partners.values()]
    .filter((partner) => partner.opposable && !tabulatedPartners.includes(partner.code))
    .map((partner) => ({ code: partner.code, usagerFields: [...partner.usagerFields] }));
}
