import type { z } from 'zod';
import { passerelleError } from '../errors/passerelleError';

/**
 * An entity's `__resolveReference`, validated at the boundary: the representation parsed with
 * `schema`, or ARGUMENT_INVALIDE naming what it lacks. A rejected promise, not a throw:
 * @apollo/subgraph resolves representations in one synchronous map, which a throw would abort,
 * so a bad representation would cost the whole `_entities` list instead of its own entity.
 */
export function resolveReference<S extends z.ZodType>(schema: S, lacks: string): (ref: unknown) => Promise<z.infer<S>> {
  return (ref) => {
    const parsed = schema.safeParse(ref);
    if (!parsed.success) return Promise.reject(passerelleError('ARGUMENT_INVALIDE', `The Usager representation lacks ${lacks}.`, { argument: 'representations' }));
    return Promise.resolve(parsed.data);
  };
}
