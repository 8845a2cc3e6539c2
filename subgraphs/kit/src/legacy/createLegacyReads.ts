import { registerLegacyReadCache } from './clearLegacyReadCaches';
import { DeadlineExceededError } from './legacyFailures';
import { cacheBypassed, legacyReadRequest } from './legacyReadScope';
import { currentDeadline, runWithDeadline } from './requestDeadline';

/** How one legacy system's reads are shared (one set per system: `legacyEnv`'s `_CACHE_…` variables). */
export interface LegacyReadsOptions {
  /** Answers kept at most; beyond, the least recently used is dropped. The same bound holds for one request's reads. */
  maxEntries: number;
  /** The clock (tests). @default Date.now */
  now?: () => number;
  /** How long one request's reads serve its later fetches when it has no deadline, and at most. @default 30_000 */
  requestRetentionMs?: number;
}

/**
 * Identical idempotent reads of one legacy system, shared within this subgraph process: a read
 * already in flight is joined rather than sent again, and an answer is served again for the
 * `ttlMs` its kind allows (legacyReadKind.ts).
 *
 * Why sharing across callers is safe for the kinds that are kept (`personal`, `reference`): such a
 * read depends only on the request made to the legacy system (system, method, URL with its
 * parameters, body), never on who asked, and no authorization decision is made from it. Whether
 * the caller may see anything is decided before any read (the gateway's field and row
 * authorization, the subgraphs' own checks on the signed context: docs/configuration.md, "Legacy
 * read caches"). So the raw answer one caller's request obtained is exactly the one another's
 * would obtain. A `callerDependent` read is never kept and its key names the caller
 * (createLegacyClient.ts), so it is shared in flight only with the same caller's.
 * Writes (`command`, an unmarked `post`) are never shared nor cached, and clear the system's cache
 * (createLegacyClient.ts). Errors are shared by the callers waiting on the same call, never kept.
 *
 * One request's reads: a gateway plan often asks one subgraph twice for the same person (the
 * Département's file for the shared-file fields, then again for the summary that needs every
 * partner's data first; the gateway's access facts, then the plan's fields). Within one gateway
 * request made for a query (legacyReadScope.ts, `x-passerelle-lecture`), an answer read by one
 * fetch serves its later fetches, whatever the read's kind and even when the request bypasses the
 * caches: it was read for this very request, by this very caller, so it is the snapshot the request
 * already stands on, not an older one. Keyed by the signed request id and the caller, so it never
 * serves another request; kept until the request's deadline (at most `requestRetentionMs`), and
 * dropped by any write to the system.
 */
export interface LegacyReads {
  /**
   * The answer to the read `key`: from the cache, from an identical read in flight, or from
   * `start` (run without the caller's deadline; its signal aborts once every caller waiting on it
   * has reached its own deadline), then kept for `ttlMs` (0: not kept). Each caller stops at its
   * own deadline with a DeadlineExceededError.
   */
  read<T>(key: string, start: (signal: AbortSignal) => Promise<T>, ttlMs: number, outcome?: (outcome: 'hit' | 'shared' | 'miss') => void): Promise<T>;
  /** Forgets `key`'s answer (an answer the caller found malformed). */
  forget(key: string): void;
  /** Forgets every answer, and lets no read in flight be joined or kept (after a write to the system). */
  invalidate(): void;
  /** Answers currently kept (tests). */
  readonly size: number;
}

interface SharedRead {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Callers still waiting with a deadline; the call is aborted when the last gives up. */
  waiting: number;
  /** True once a caller without a deadline joined: the call then runs to its own timeouts. */
  unbounded: boolean;
}

export function createLegacyReads(options: LegacyReadsOptions): LegacyReads {
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on each hit makes its first key the least recently used.
  const answers = new Map<string, { value: unknown; expiresAt: number }>();
  const inFlight = new Map<string, SharedRead>();
  // One request's reads, keyed by the request (legacyReadRequest) and the read's key; insertion order is expiry order enough to bound it.
  const forRequest = new Map<string, { value: unknown; expiresAt: number }>();
  const requestRetentionMs = options.requestRetentionMs ?? 30_000;
  // Bumped by every write: a read started before it may hold the old state, so it is neither kept nor joined.
  let generation = 0;

  const keep = (key: string, value: unknown, ttlMs: number) => {
    if (ttlMs <= 0 || options.maxEntries <= 0) return;
    answers.delete(key);
    answers.set(key, { value, expiresAt: now() + ttlMs });
    while (answers.size > options.maxEntries) answers.delete(answers.keys().next().value as string);
  };

  const cached = (key: string): { value: unknown } | null => {
    const entry = answers.get(key);
    if (entry === undefined) return null;
    answers.delete(key);
    if (entry.expiresAt <= now()) return null;
    answers.set(key, entry);
    return entry;
  };

  const start = (key: string, run: (signal: AbortSignal) => Promise<unknown>, ttlMs: number): SharedRead => {
    const controller = new AbortController();
    const startedIn = generation;
    const shared: SharedRead = { controller, waiting: 0, unbounded: false, promise: Promise.resolve() };
    // Without the first caller's deadline: the call belongs to every caller that joins it.
    shared.promise = runWithDeadline(null, () => run(controller.signal))
      .then((value) => {
        if (startedIn === generation) keep(key, value, ttlMs);
        return value;
      })
      .finally(() => {
        if (inFlight.get(key) === shared) inFlight.delete(key);
      });
    // Every caller may have given up: the outcome must not become an unhandled rejection.
    shared.promise.catch(() => undefined);
    inFlight.set(key, shared);
    return shared;
  };

  const join = (shared: SharedRead, deadline: number | null): Promise<unknown> => {
    if (deadline === null) {
      shared.unbounded = true;
      return shared.promise;
    }
    shared.waiting += 1;
    let timer: NodeJS.Timeout | undefined;
    const givenUp = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        shared.waiting -= 1;
        if (shared.waiting === 0 && !shared.unbounded) shared.controller.abort();
        reject(new DeadlineExceededError());
      }, deadline - now());
    });
    return Promise.race([shared.promise, givenUp]).finally(() => clearTimeout(timer));
  };

  const keepForRequest = (scoped: string, value: unknown, deadline: number | null) => {
    if (options.maxEntries <= 0) return;
    const latest = now() + requestRetentionMs;
    forRequest.delete(scoped);
    forRequest.set(scoped, { value, expiresAt: deadline === null ? latest : Math.min(deadline, latest) });
    while (forRequest.size > options.maxEntries) forRequest.delete(forRequest.keys().next().value as string);
  };

  const readForRequest = (scoped: string): { value: unknown } | null => {
    const entry = forRequest.get(scoped);
    if (entry === undefined) return null;
    if (entry.expiresAt > now()) return entry;
    forRequest.delete(scoped);
    return null;
  };

  const reads: LegacyReads = {
    async read<T>(key: string, run: (signal: AbortSignal) => Promise<T>, ttlMs: number, outcome?: (outcome: 'hit' | 'shared' | 'miss') => void): Promise<T> {
      const deadline = currentDeadline();
      if (deadline !== null && deadline <= now()) throw new DeadlineExceededError();
      const request = legacyReadRequest();
      const scoped = request === '' ? null : `${request}\n${key}`;
      const earlier = scoped === null ? null : readForRequest(scoped);
      if (earlier !== null) {
        outcome?.('shared');
        return earlier.value as T;
      }
      const bypass = cacheBypassed();
      const hit = bypass ? null : cached(key);
      if (hit !== null) {
        outcome?.('hit');
        return hit.value as T;
      }
      const joined = bypass ? undefined : inFlight.get(key);
      outcome?.(joined === undefined ? 'miss' : 'shared');
      const startedIn = generation;
      const shared = joined ?? start(key, run, ttlMs);
      // The value came from `run` for this very key, so it has `run`'s type.
      const value = (await join(shared, deadline)) as T;
      // Not if a write came meanwhile: the request's later fetches must see it.
      if (scoped !== null && startedIn === generation) keepForRequest(scoped, value, deadline);
      return value;
    },
    forget(key) {
      answers.delete(key);
      const request = legacyReadRequest();
      if (request !== '') forRequest.delete(`${request}\n${key}`);
    },
    invalidate() {
      generation += 1;
      answers.clear();
      inFlight.clear();
      forRequest.clear();
    },
    get size() {
      return answers.size;
    },
  };
  registerLegacyReadCache(reads);
  return reads;
}
