import { bulkhead, circuitBreaker, CircuitState, ConsecutiveBreaker, ExponentialBackoff, handleWhen, retry, timeout, TimeoutStrategy, TaskCancelledError } from 'cockatiel';
import { DeadlineExceededError, isSystemFailure, isTransientFailure, LegacyTimeoutError } from './legacyFailures';
import { currentDeadline } from './requestDeadline';

/** How calls to one legacy system are bounded (one set per system: `legacyEnv`'s variables). */
export interface LegacyResilienceOptions {
  /** One attempt's timeout, in ms. */
  timeoutMs: number;
  /** Bulkhead: calls in flight at once towards this system. */
  maxConcurrency: number;
  /** Bulkhead: calls waiting for a slot; beyond, a call fails at once (PARTENAIRE_INDISPONIBLE) rather than pile up. */
  maxQueue: number;
  /** Retries of an idempotent read after a transient failure (legacyFailures.ts); 0 = none. Writes are never retried. */
  retries: number;
  /** First retry's mean delay, in ms; then exponential (×2) with decorrelated jitter, at most `maxRetryDelayMs`. */
  retryDelayMs: number;
  /** Consecutive system failures (legacyFailures.ts) that open the circuit breaker. */
  breakerFailures: number;
  /** How long the breaker stays open, in ms, before one probe call (half-open) decides to close it or open it again. */
  breakerOpenMs: number;
}

/** The defaults behind `legacyEnv`'s variables, and for a client built without them (tests, tools). */
export const defaultLegacyResilience: Readonly<LegacyResilienceOptions> = {
  timeoutMs: 5_000,
  maxConcurrency: 8,
  // Room for the big requests in flight together at a one-person-per-call system (a landlord asked
  // once per date of birth of every list in flight): with 1,000, fifty 50-usager lists at once
  // overflowed it and 80–90 % of the answers lost a partner's data, though every call would have
  // been served before its deadline (docs/performance.md, "Bulkhead queue"). The deadline bounds
  // the wait, and the breaker opens on an outage, so calls do not pile up past either.
  maxQueue: 10_000,
  retries: 3,
  retryDelayMs: 50,
  // 10, not 5: with 3 retries, one unlucky read at a 20 % error rate is 4 failures in a row already.
  breakerFailures: 10,
  breakerOpenMs: 5_000,
};

/** Upper bound of one backoff delay, whatever the attempt. */
const maxRetryDelayMs = 1_000;

/** The state of a system's breaker, for tests and diagnostics. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** Runs calls to one legacy system under its policies. */
export interface LegacyResilience {
  /**
   * Runs `attempt` (one HTTP exchange; it must honour `signal`) inside the bulkhead, the breaker
   * and the timeout; an idempotent read is retried on transient failures. Everything stops at
   * the request's deadline (requestDeadline.ts) with a DeadlineExceededError, or when `signal`
   * aborts (a read shared by several requests, createLegacyReads.ts, once none of them waits).
   */
  execute<T>(attempt: (signal: AbortSignal) => Promise<T>, options: { idempotentRead: boolean; signal?: AbortSignal }): Promise<T>;
  readonly breakerState: BreakerState;
  /** Calls in flight and waiting in the bulkhead now (metrics). */
  readonly bulkhead: { active: number; queued: number };
}

const breakerStates: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/**
 * The policies of one legacy system, from the maintained `cockatiel` library, in this order:
 * retry (idempotent reads only) ⟶ bulkhead ⟶ circuit breaker ⟶ timeout ⟶ the HTTP call.
 * - Retry outside the bulkhead: a backoff delay holds no slot, and each retry queues like any call.
 * - Breaker inside the bulkhead: a call that waited for a slot while the breaker opened fails at
 *   once without reaching the system; open, the breaker fails every call at once, then lets one
 *   probe through after `breakerOpenMs` (the others wait for its outcome) and closes on success.
 * - Timeout per attempt, so that each retry gets a fresh one; the deadline aborts all of it.
 */
export function createLegacyResilience(options: LegacyResilienceOptions): LegacyResilience {
  const breaker = circuitBreaker(handleWhen(isSystemFailure), { halfOpenAfter: options.breakerOpenMs, breaker: new ConsecutiveBreaker(options.breakerFailures) });
  const slots = bulkhead(options.maxConcurrency, options.maxQueue);
  // Not aborted on return: the call has ended by then, and aborting allocates an AbortError with
  // its stack for each call (about 3 % of a subgraph's time on the per-person systems' lists, in
  // a CPU profile under `npm run bench`). A timed-out or deadline-aborted attempt is still aborted.
  const attemptTimeout = timeout(options.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
  const retries = retry(handleWhen(isTransientFailure), {
    maxAttempts: options.retries,
    backoff: new ExponentialBackoff({ initialDelay: options.retryDelayMs, maxDelay: maxRetryDelayMs }),
  });

  const once = <T>(attempt: (signal: AbortSignal) => Promise<T>, deadline: AbortSignal): Promise<T> =>
    slots.execute(
      () =>
        breaker.execute(async () => {
          try {
            return await attemptTimeout.execute(({ signal }) => attempt(signal), deadline);
          } catch (error) {
            // The timeout policy throws the same error for its own timer and for the deadline: tell them apart here.
            if (deadline.aborted) throw new DeadlineExceededError();
            if (error instanceof TaskCancelledError) throw new LegacyTimeoutError();
            throw error;
          }
        }, deadline),
      deadline,
    );

  return {
    get breakerState() {
      return breakerStates[breaker.state];
    },
    get bulkhead() {
      return { active: options.maxConcurrency - slots.executionSlots, queued: options.maxQueue - slots.queueSlots };
    },
    async execute(attempt, { idempotentRead, signal }) {
      const deadline = currentDeadline();
      const remaining = deadline === null ? null : deadline - Date.now();
      if ((remaining !== null && remaining <= 0) || signal?.aborted === true) throw new DeadlineExceededError();
      const controller = new AbortController();
      const timer = remaining === null ? undefined : setTimeout(() => controller.abort(), remaining);
      const abort = () => controller.abort();
      signal?.addEventListener('abort', abort, { once: true });
      try {
        const running = idempotentRead ? retries.execute(({ signal }) => once(attempt, signal), controller.signal) : once(attempt, controller.signal);
        return await untilAborted(running, controller.signal);
      } catch (error) {
        // A call still queued in the bulkhead, or between two retries, when the deadline came.
        if (controller.signal.aborted && (error instanceof TaskCancelledError || error instanceof DeadlineExceededError)) throw new DeadlineExceededError();
        throw error;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
      }
    },
  };
}

/** `running`, or a DeadlineExceededError as soon as `signal` aborts: the caller never waits past its deadline for a queued call. */
function untilAborted<T>(running: Promise<T>, signal: AbortSignal): Promise<T> {
  let onAbort = () => {};
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(new DeadlineExceededError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  // The losing side of the race must not become an unhandled rejection.
  aborted.catch(() => undefined);
  running.catch(() => undefined);
  return Promise.race([running, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
