/** What clearLegacyReadCaches clears: the read caches of every legacy client of this process (createLegacyReads.ts). */
interface Clearable {
  invalidate(): void;
}

// Weak references: a client dropped (a test's, a tool's) is not kept alive by this list. One list
// per process, kept on a global symbol, even when two copies of the kit are loaded: the
// scaffolder's acceptance test runs a copy's subgraphs under this checkout's federation runner
// (test/src/e2e/scaffoldedPartner.ts), and its resets must reach their caches too.
const registry = Symbol.for('passerelle.legacyReadCaches');
const holder = globalThis as typeof globalThis & { [registry]?: Set<WeakRef<Clearable>> };
const caches = (holder[registry] ??= new Set<WeakRef<Clearable>>());

/** Called by createLegacyReads for each cache it creates. */
export function registerLegacyReadCache(cache: Clearable): void {
  caches.add(new WeakRef(cache));
}

/**
 * Forgets every legacy read answer kept in this process, and lets no read in flight be joined,
 * as a write to every system would. For what changes a legacy system behind the subgraphs' back
 * in the process that runs them: the test federation (dev/src/startFederation.ts) calls it when a
 * test resets the simulator's counters or changes its knobs, so that the next request reaches the
 * system. A deployment never needs it: writes through Passerelle clear their system's cache, and
 * changes made elsewhere show within the TTL (docs/configuration.md, "Legacy read caches").
 */
export function clearLegacyReadCaches(): void {
  for (const ref of caches) {
    const cache = ref.deref();
    if (cache === undefined) caches.delete(ref);
    else cache.invalidate();
  }
}
