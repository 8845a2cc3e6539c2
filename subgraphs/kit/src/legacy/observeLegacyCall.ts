import type { Span } from '@opentelemetry/api';
import { errorCodes } from '../errors/errorCodes';
import { legacyCacheHits, legacyCacheMisses, legacyCacheShared, legacyCallDuration, legacyCalls, legacyErrors, legacyRetries } from '../metrics/kitMetrics';
import { otherLabel } from '../metrics/boundedLabel';
import { traceHeaders, withSpan } from '../telemetry/spans';
import type { BreakerState } from './createLegacyResilience';

/** A legacy client's method, as named in spans. */
export type LegacyOperation = 'get' | 'getOrNull' | 'post' | 'command';

/** Where an idempotent read's answer came from (createLegacyReads.ts). */
export type LegacyReadOutcome = 'hit' | 'shared' | 'miss';

/** What a call's code tells its observation. */
export interface ObservedCall {
  /** Wraps one HTTP exchange: its own span (attempt number), and the headers carrying that span to the system (`traceparent`). */
  attempt<R>(run: (signal: AbortSignal, headers: Record<string, string>) => Promise<R>): (signal: AbortSignal) => Promise<R>;
  /** For a read: from the cache, joined to one in flight, or sent. */
  outcome(outcome: LegacyReadOutcome): void;
}

/**
 * The span and metrics of each call to one legacy system: span `legacy <operation>` with the
 * system, the operation and its kind (read / write), the batch size (keys in the body's list), the
 * breaker's state when the call started, the cache outcome and the attempts made; one child span
 * per HTTP attempt. Never the path, the parameters or the body: they hold NIRs and names.
 */
export function observeLegacyCalls(system: string, breakerState: () => BreakerState) {
  return async function observe<T>(operation: LegacyOperation, kind: 'read' | 'write', body: unknown, work: (call: ObservedCall) => Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    let attempts = 0;
    let outcome: LegacyReadOutcome | null = kind === 'write' ? null : 'miss';
    return withSpan(
      `legacy ${operation}`,
      {
        'passerelle.legacy.system': system,
        'passerelle.legacy.operation': operation,
        'passerelle.legacy.kind': kind,
        'passerelle.legacy.batch_size': batchSizeOf(body),
        'passerelle.legacy.breaker_state': breakerState(),
      },
      async (span: Span) => {
        const call: ObservedCall = {
          attempt: (run) => (signal) => {
            attempts += 1;
            if (attempts > 1) legacyRetries.inc({ system });
            return withSpan('legacy attempt', { 'passerelle.legacy.system': system, 'passerelle.legacy.attempt': attempts }, () => run(signal, traceHeaders()));
          },
          outcome: (value) => {
            outcome = value;
          },
        };
        try {
          return await work(call);
        } catch (error) {
          legacyErrors.inc({ system, code: codeOf(error) });
          throw error;
        } finally {
          span.setAttribute('passerelle.legacy.attempts', attempts);
          if (outcome !== null) span.setAttribute('passerelle.legacy.cache', outcome);
          if (outcome === 'hit') legacyCacheHits.inc({ system });
          else if (outcome === 'shared') legacyCacheShared.inc({ system });
          else {
            if (outcome === 'miss') legacyCacheMisses.inc({ system });
            legacyCalls.inc({ system, kind });
            legacyCallDuration.observe({ system, kind }, Number(process.hrtime.bigint() - started) / 1e9);
          }
        }
      },
    );
  };
}

/** Keys asked at once: the length of the body's list (`{ liste_nir: [...] }`), 1 otherwise. */
function batchSizeOf(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  if (typeof body !== 'object' || body === null) return 1;
  const lists = Object.values(body).filter(Array.isArray);
  return lists.length === 1 ? lists[0]!.length : 1;
}

/** The registered code a failed call became (legacyErrorToGraphQL), `other` for anything else. */
function codeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === 'string' && code in errorCodes ? code : otherLabel;
}
