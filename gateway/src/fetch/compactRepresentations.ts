import type { GraphQLFormattedError } from 'graphql';

/**
 * The representations an `_entities` fetch actually sends: those not withheld by the entity
 * guard, each distinct one once. @apollo/gateway 2.14 sends one representation per entity
 * reached, duplicates included (executeQueryPlan.js builds `representations` with one push per
 * entity): the same usager twice in a list, or a pivot identity shared by every position, went
 * to the subgraph as many times.
 */
export interface CompactRepresentations {
  sent: unknown[];
  /** Per original position, the index in `sent` that answers it, or -1 when it was withheld. */
  positions: number[];
  /** false: `sent` is the original list, unchanged (nothing withheld, no duplicate). */
  changed: boolean;
}

/**
 * `nirs`: the NIR of the usager each representation stands for, when the entity guard resolved it
 * (PartnerDataSource.ts). It keys cheaply the representations that carry neither NIR nor id — a
 * landlord's, keyed by pivot identity — which would otherwise each be stringified.
 */
export function compactRepresentations(representations: readonly unknown[], withheld: readonly boolean[], nirs?: ReadonlyArray<string | null | undefined>): CompactRepresentations {
  const sent: unknown[] = [];
  const positions: number[] = [];
  // Full text → index in `sent`. Representations are built by the gateway with their fields in the
  // plan's order: equal ones stringify equally. But a representation carrying required fields is
  // long and most lists hold no duplicate, so each is first keyed cheaply (its type and the NIR or
  // id that keys it); only when two share a cheap key are they stringified and compared in full.
  const indexByKey = new Map<string, number>();
  // Cheap key → the indexes in `sent` with that key not yet in `indexByKey`.
  const unindexed = new Map<string, number[]>();
  let changed = false;
  representations.forEach((representation, i) => {
    if (withheld[i] === true) {
      positions.push(-1);
      changed = true;
      return;
    }
    const cheap = cheapKeyOf(representation, nirs?.[i]);
    const earlier = cheap === null ? undefined : unindexed.get(cheap);
    if (earlier !== undefined) {
      for (const index of earlier) indexByKey.set(JSON.stringify(sent[index]), index);
      earlier.length = 0;
    }
    // Keyed in full when it has no cheap key, or shares one with an earlier representation.
    const key = cheap === null || earlier !== undefined ? JSON.stringify(representation) : null;
    const known = key === null ? undefined : indexByKey.get(key);
    if (known !== undefined) {
      positions.push(known);
      changed = true;
      return;
    }
    if (key !== null) indexByKey.set(key, sent.length);
    else unindexed.set(cheap!, [sent.length]);
    positions.push(sent.length);
    sent.push(representation);
  });
  return { sent, positions, changed };
}

/**
 * `__typename` and the `nir` or `id` of a representation (else the NIR the guard found for it), or
 * null when it has none (then keyed in full). Two representations sharing a cheap key are compared
 * in full, so a cheap key only has to be equal for equal representations.
 */
function cheapKeyOf(representation: unknown, usagerNir: string | null | undefined): string | null {
  if (typeof representation !== 'object' || representation === null) return null;
  const { __typename, nir, id } = representation as { __typename?: unknown; nir?: unknown; id?: unknown };
  const key = typeof nir === 'string' ? nir : typeof id === 'string' ? id : typeof usagerNir === 'string' ? usagerNir : null;
  return typeof __typename === 'string' && key !== null ? `${__typename}\n${key}` : null;
}

interface EntitiesResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * The subgraph's answer to the compact list, laid out again on the original positions: `empty()`
 * at withheld ones, the answer of a duplicate copied (the gateway merges each entity into its own
 * place by reference and mutates it later: two positions must not share an object), and each
 * error about `_entities[k]` repeated for every position `k` answers.
 */
export function expandEntities<R extends EntitiesResponse>(response: R, { positions }: CompactRepresentations, empty: () => Record<string, unknown>): R {
  const data = response.data;
  const entities = Array.isArray(data?._entities) ? (data._entities as unknown[]) : null;
  const used = new Set<number>();
  const merged =
    entities === null
      ? null
      : positions.map((p) => {
          if (p === -1) return empty();
          const entity = entities[p] ?? null;
          if (!used.has(p)) {
            used.add(p);
            return entity;
          }
          return entity === null ? null : structuredClone(entity);
        });
  const errors = response.errors?.flatMap((error) => {
    const k = error.path?.[0] === '_entities' ? error.path[1] : undefined;
    if (typeof k !== 'number') return [error];
    const at = positions.flatMap((p, i) => (p === k ? [i] : []));
    return at.length === 0 ? [error] : at.map((i) => ({ ...error, path: ['_entities', i, ...error.path!.slice(2)] }));
  });
  return { ...response, ...(merged ? { data: { ...data, _entities: merged } } : {}), ...(errors ? { errors } : {}) };
}
