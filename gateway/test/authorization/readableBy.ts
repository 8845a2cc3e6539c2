import { getNamedType, isInterfaceType, isObjectType, type GraphQLNamedType } from 'graphql';
import { requirementHolds } from '../../src/authorization/requirementHolds';
import { apiSchema, profiles, requirements, type ProfileName } from './profiles';

/**
 * Every field coordinate of the API schema a profile can read, following only the fields it
 * may read from the roots: the authorization table, computed from the supergraph's directives.
 */
export function readableBy(profile: ProfileName): { fields: Set<string>; types: Set<string> } {
  const { caller, finalite } = profiles[profile]!;
  const holds = (coordinate: string) => {
    const requirement = requirements.get(coordinate);
    return requirement === undefined || requirementHolds(requirement, caller, finalite);
  };
  const roots = [apiSchema.getQueryType(), apiSchema.getMutationType()].filter((t): t is NonNullable<typeof t> => t != null);
  const types = new Set<string>(roots.map((t) => t.name));
  const fields = new Set<string>();
  const queue: GraphQLNamedType[] = [...roots];
  for (let type = queue.shift(); type !== undefined; type = queue.shift()) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      if (!holds(`${type.name}.${field.name}`) || !holds(returned.name)) continue;
      fields.add(`${type.name}.${field.name}`);
      if (!types.has(returned.name)) {
        types.add(returned.name);
        queue.push(returned);
      }
    }
  }
  return { fields, types };
}
