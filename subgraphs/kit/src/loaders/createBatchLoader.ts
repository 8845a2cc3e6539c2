import DataLoader from 'dataloader';

/** How to load many keys from a legacy system in one call. */
export interface BatchLoaderOptions<K, V, C = K> {
  /** Largest batch the legacy endpoint accepts; bigger lists are split. */
  maxBatchSize: number;
  /**
   * Loads one batch. Returns the values found, in any order, as a map by key; keys the
   * system does not know are simply absent (they resolve to null).
   */
  load: (keys: readonly K[]) => Promise<ReadonlyMap<C, V>>;
  /** Key used for de-duplication and for looking up results. @default identity */
  cacheKeyFn?: (key: K) => C;
}

/**
 * A DataLoader that honours the batch contract whatever the legacy system returns: one
 * result per key, in the keys' order, `null` for an unknown key, and, when the batch call
 * fails, that error for each key of the batch. Create it per request (see createLoaders),
 * never at module level: its cache must not be shared across callers.
 */
export function createBatchLoader<K, V, C = K>(options: BatchLoaderOptions<K, V, C>): DataLoader<K, V | null, C> {
  const keyOf = options.cacheKeyFn ?? ((key: K) => key as unknown as C);
  return new DataLoader<K, V | null, C>(
    async (keys) => {
      let found: ReadonlyMap<C, V>;
      try {
        found = await options.load(keys);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        return keys.map(() => failure);
      }
      return keys.map((key) => found.get(keyOf(key)) ?? null);
    },
    { maxBatchSize: options.maxBatchSize, cacheKeyFn: options.cacheKeyFn },
  );
}

/** A loader for systems that only answer one key per call: calls run in parallel, deduplicated per request. */
export function createSingleLoader<K, V, C = K>(loadOne: (key: K) => Promise<V | null>, cacheKeyFn?: (key: K) => C): DataLoader<K, V | null, C> {
  return new DataLoader<K, V | null, C>((keys) => Promise.all(keys.map((key) => loadOne(key).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))))), { cacheKeyFn });
}

/** Builds the result map of a batch from the values the legacy system returned. */
export function indexBy<V, C>(values: Iterable<V>, keyOf: (value: V) => C): Map<C, V> {
  const map = new Map<C, V>();
  for (const value of values) map.set(keyOf(value), value);
  return map;
}
