import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Denial, DenialCode } from './AuthRequirement';
import { placeholderAlias } from './authorizeOperation';

/** The error a client gets for one removed field: the coordinate only, never data. */
export interface DenialError extends GraphQLFormattedError {
  message: string;
  path: string[];
  extensions: { code: DenialCode };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `value` with null at `path[index..]`, through lists; what is not on the path is shared, not copied. */
function nullAt(value: unknown, path: readonly string[], index: number): unknown {
  if (Array.isArray(value)) return value.map((item) => nullAt(item, path, index));
  if (!isRecord(value)) return value;
  const key = path[index]!;
  if (index === path.length - 1) {
    const { [placeholderAlias]: _placeholder, ...rest } = value;
    return { ...rest, [key]: null };
  }
  if (!(key in value)) return value;
  return { ...value, [key]: nullAt(value[key], path, index + 1) };
}

/** The error for one denial. */
export function denialError(denial: Denial): DenialError {
  return { message: `Not authorized to read ${denial.coordinate}`, path: [...denial.path], extensions: { code: denial.code } };
}

/**
 * Puts the removed fields back into the answer as null (in every object along their path,
 * through lists; nothing under a parent that is itself null), drops the `__typename`
 * placeholders `authorizeOperation` left, and appends one error per denial. The result given
 * is not modified.
 */
export function applyDenials<T extends FormattedExecutionResult>(result: T, denials: readonly Denial[]): T {
  if (denials.length === 0) return result;
  let data: unknown = result.data;
  for (const denial of denials) data = nullAt(data, denial.path, 0);
  return { ...result, data, errors: [...(result.errors ?? []), ...denials.map(denialError)] };
}
