import type { SimulatorCall } from '@passerelle/mocks';
import type { CollectedSpan } from './startSpanSink';

/**
 * What a piece of a request's critical path was spent on:
 * - `legacy`: a partner's system at work: from the call's arrival to its answer, as the
 *   simulator's journal gives them (`GET /_admin/calls`); without the journal, a `legacy attempt`
 *   span's whole own time;
 * - `legacyTransport`: the rest of a `legacy attempt` span's own time: the HTTP exchange both
 *   ways, and the subgraph waiting for a core to read the answer;
 * - `gateway`: the gateway's own work (its spans' own time, `gateway.fetch` excepted);
 * - `transport`: a `gateway.fetch`'s own time, around the subgraph's `subgraph request` span: the
 *   HTTP exchange both ways, the subgraph reading and parsing the body before its span opens, and
 *   any wait for a core;
 * - `subgraph`: the subgraphs' own work, legacy attempts excepted (the kit's server, resolvers,
 *   loaders, resilience, validation of the answers).
 */
export const pathCategories = ['legacy', 'legacyTransport', 'gateway', 'transport', 'subgraph'] as const;
export type PathCategory = (typeof pathCategories)[number];

/** One stretch of the critical path: a span's own time, with nothing on the path below it. */
export interface PathSegment {
  service: string;
  span: string;
  category: PathCategory;
  /** The legacy system, for a `legacy` segment (`passerelle.legacy.system`). */
  system?: string;
  startMs: number;
  endMs: number;
}

export interface CriticalPath {
  /** The root span's duration, in ms: the segments tile it. */
  totalMs: number;
  byCategory: Record<PathCategory, number>;
  /** Legacy attempts on the path, one after another. */
  legacyCalls: number;
  /** Of those, the attempts no call of the journal was found for (their whole own time counted as `legacy`). */
  unmatchedCalls: number;
  /** In time order, consecutive stretches of one span merged. */
  segments: PathSegment[];
}

const gatewayService = 'gateway';

/** What the analysis may know besides the spans: the simulator's journal of the request, and which systems each subgraph calls. */
export interface LegacyJournal {
  calls: readonly SimulatorCall[];
  /** A subgraph's name (its spans' `service.name`) → the legacy systems it calls (the simulator's names). */
  systemsOf: ReadonlyMap<string, readonly string[]>;
}

/**
 * Span starts carry the millisecond of `Date.now()` (OpenTelemetry JS; durations are to the µs):
 * a call of the journal matches an attempt whose span holds it within this much.
 */
const spanClockSlackMs = 2;

/**
 * Each `legacy attempt` span → the journal's call it made: the candidates are the calls to the
 * span's subgraph's systems that it holds (within the clock slack); the closest pairs (start and
 * end apart the least) are taken first, each call once.
 */
function matchCalls(spans: readonly CollectedSpan[], journal: LegacyJournal): Map<CollectedSpan, SimulatorCall> {
  const pairs: Array<{ span: CollectedSpan; call: SimulatorCall; cost: number }> = [];
  for (const span of spans) {
    if (span.name !== 'legacy attempt') continue;
    const systems = journal.systemsOf.get(span.service) ?? [];
    for (const call of journal.calls) {
      if (!systems.includes(call.system) || call.startMs < span.startMs - spanClockSlackMs || call.endMs > span.endMs + spanClockSlackMs) continue;
      pairs.push({ span, call, cost: Math.abs(call.startMs - span.startMs) + Math.abs(call.endMs - span.endMs) });
    }
  }
  pairs.sort((a, b) => a.cost - b.cost);
  const matched = new Map<CollectedSpan, SimulatorCall>();
  const taken = new Set<SimulatorCall>();
  for (const { span, call } of pairs) {
    if (matched.has(span) || taken.has(call)) continue;
    matched.set(span, call);
    taken.add(call);
  }
  return matched;
}

function categoryOf(span: CollectedSpan): PathCategory {
  if (span.name === 'legacy attempt') return 'legacy';
  if (span.service !== gatewayService) return 'subgraph';
  return span.name === 'gateway.fetch' ? 'transport' : 'gateway';
}

/**
 * The critical path of one trace: from the root span's end, back through the child that ended
 * last before the cursor, that child's own critical path, then on from the child's start, down to
 * the root's start (the method of Jaeger's critical-path view). A child is clipped to its parent
 * and to the cursor, so that two processes' clocks (and span starts rounded to the millisecond) cannot make the segments
 * overlap. Each segment is the own time of the span it names; with the journal, a legacy attempt's
 * is split into the system's time and the transport around it. Throws when the trace has no
 * single root.
 */
export function criticalPath(spans: readonly CollectedSpan[], journal?: LegacyJournal): CriticalPath {
  const ids = new Set(spans.map((s) => s.spanId));
  const roots = spans.filter((s) => s.parentSpanId === null || !ids.has(s.parentSpanId));
  if (roots.length !== 1) throw new Error(`criticalPath: a trace needs one root span, this one has ${roots.length}`);
  const root = roots[0]!;
  const children = new Map<string, CollectedSpan[]>();
  for (const span of spans) {
    if (span === root || span.parentSpanId === null) continue;
    const siblings = children.get(span.parentSpanId);
    if (siblings) siblings.push(span);
    else children.set(span.parentSpanId, [span]);
  }
  const raw: Array<{ span: CollectedSpan; startMs: number; endMs: number }> = [];
  const walk = (span: CollectedSpan, startBound: number, endBound: number): void => {
    const start = Math.max(span.startMs, startBound);
    let cursor = Math.min(span.endMs, endBound);
    for (;;) {
      let next: CollectedSpan | null = null;
      let nextEnd = -Infinity;
      for (const child of children.get(span.spanId) ?? []) {
        const childStart = Math.max(child.startMs, start);
        const childEnd = Math.min(child.endMs, cursor);
        if (childStart < cursor && childEnd > childStart && childEnd > nextEnd) {
          next = child;
          nextEnd = childEnd;
        }
      }
      if (next === null) {
        if (cursor > start) raw.push({ span, startMs: start, endMs: cursor });
        return;
      }
      if (cursor > nextEnd) raw.push({ span, startMs: nextEnd, endMs: cursor });
      walk(next, start, nextEnd);
      cursor = Math.max(next.startMs, start);
      if (cursor <= start) return;
    }
  };
  walk(root, root.startMs, root.endMs);
  raw.sort((a, b) => a.startMs - b.startMs);

  const calls = journal === undefined ? new Map<CollectedSpan, SimulatorCall>() : matchCalls(spans, journal);
  const segments: PathSegment[] = [];
  const attempts = new Set<CollectedSpan>();
  const byCategory = Object.fromEntries(pathCategories.map((c) => [c, 0])) as Record<PathCategory, number>;
  let previous: { span: CollectedSpan; category: PathCategory } | null = null;
  const add = (span: CollectedSpan, category: PathCategory, startMs: number, endMs: number) => {
    if (endMs <= startMs) return;
    byCategory[category] += endMs - startMs;
    const last = segments[segments.length - 1];
    if (last !== undefined && previous?.span === span && previous.category === category) {
      last.endMs = endMs;
    } else {
      const system = calls.get(span)?.system ?? span.attributes['passerelle.legacy.system'];
      const legacy = category === 'legacy' || category === 'legacyTransport';
      segments.push({ service: span.service, span: span.name, category, ...(legacy && typeof system === 'string' ? { system } : {}), startMs, endMs });
    }
    previous = { span, category };
  };
  for (const { span, startMs, endMs } of raw) {
    const category = categoryOf(span);
    if (category !== 'legacy') {
      add(span, category, startMs, endMs);
      continue;
    }
    attempts.add(span);
    const call = calls.get(span);
    if (call === undefined) {
      add(span, 'legacy', startMs, endMs);
      continue;
    }
    // The system's time, inside the segment; the transport on either side of it.
    const systemStart = Math.min(Math.max(call.startMs, startMs), endMs);
    const systemEnd = Math.min(Math.max(call.endMs, systemStart), endMs);
    add(span, 'legacyTransport', startMs, systemStart);
    add(span, 'legacy', systemStart, systemEnd);
    add(span, 'legacyTransport', systemEnd, endMs);
  }
  const unmatchedCalls = [...attempts].filter((span) => !calls.has(span)).length;
  return { totalMs: root.endMs - root.startMs, byCategory, legacyCalls: attempts.size, unmatchedCalls, segments };
}

/** The spans of each trace, by trace id. */
export function tracesOf(spans: readonly CollectedSpan[]): Map<string, CollectedSpan[]> {
  const traces = new Map<string, CollectedSpan[]>();
  for (const span of spans) {
    const trace = traces.get(span.traceId);
    if (trace) trace.push(span);
    else traces.set(span.traceId, [span]);
  }
  return traces;
}
