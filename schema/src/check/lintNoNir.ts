import { isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { LintFinding } from './LintFinding';

/** The NIR joins, it never shows (README, "The NIR joins, it never shows"): no field or input field of the API is named `nir`. */
export function lintNoNir(api: GraphQLSchema): LintFinding[] {
  return Object.values(api.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)))
    .flatMap((type) => Object.keys((type as { getFields(): Record<string, unknown> }).getFields()).map((field) => `${type.name}.${field}`))
    .filter((coordinate) => /\.nir$/i.test(coordinate))
    .map((coordinate) => ({ rule: 'no-nir', coordinate, message: `${coordinate} exposes a field named nir to clients: mark it @inaccessible in its subgraph and give clients Usager.id` }));
}
