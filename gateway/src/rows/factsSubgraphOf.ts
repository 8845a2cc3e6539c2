/**
 * The one subgraph that answers both access facts (`Usager.referentDeParcours` and
 * `Usager.oppositions`: the Département's, in this federation), or null when the supergraph
 * has none or several (row authorization then fails closed).
 */
export function factsSubgraphOf(owners: ReadonlyMap<string, readonly string[]>): string | null {
  const referent = owners.get('Usager.referentDeParcours') ?? [];
  const oppositions = owners.get('Usager.oppositions') ?? [];
  const both = referent.filter((subgraph) => oppositions.includes(subgraph));
  return both.length === 1 ? both[0]! : null;
}
