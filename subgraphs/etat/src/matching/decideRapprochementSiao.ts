import { decideMatch, matchIdentity, parseLegacyDate, type IdentityForMatching, type MatchDecision } from '@passerelle/subgraph-kit';
import type { IdentitePivot } from '../identitePivot';
import type { PersonneSiao } from '../legacy/types';

/** The person's side: birth and usage names, every first name, sex and birth place. */
function personOf(pivot: IdentitePivot): IdentityForMatching {
  return {
    noms: [pivot.nomNaissance, ...(pivot.nomUsage ? [pivot.nomUsage] : [])],
    prenoms: pivot.prenoms,
    sexe: pivot.sexe,
    dateNaissance: pivot.dateNaissance,
    codeLieuNaissance: pivot.codeLieuNaissance,
  };
}

/** SI-SIAO's side: the declared names, one first name, the sex; it never records the birth place. */
function recordOf(p: PersonneSiao): IdentityForMatching {
  return {
    noms: [p.nom_naissance, ...(p.nom_usage ? [p.nom_usage] : [])],
    prenoms: [p.prenom],
    sexe: p.cd_sexe === '1' ? 'M' : 'F',
    dateNaissance: parseLegacyDate(p.dt_naissance),
    codeLieuNaissance: null,
  };
}

/**
 * Matches a person SI-SIAO has no NIR for against the candidates of its identity search, with
 * the kit's `decideMatch`: two candidates matching about as well are AMBIGU and none is retained.
 *
 * A candidate with a recorded NIR other than the person's (when the person's is valid) is someone
 * else, and is left out before matching: had SI-SIAO recorded the person's own NIR, the search by
 * NIR would have found them.
 */
export function decideRapprochementSiao(pivot: IdentitePivot, nir: string | null, candidats: readonly PersonneSiao[]): MatchDecision<PersonneSiao> {
  const person = personOf(pivot);
  const possible = candidats.filter((c) => nir === null || c.nir === null || c.nir === nir);
  return decideMatch(possible.map((record) => ({ record, match: matchIdentity(person, recordOf(record)) })));
}
