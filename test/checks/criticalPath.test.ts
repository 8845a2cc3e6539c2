import type { SimulatorCall } from '@passerelle/mocks';
import { criticalPath, tracesOf, type LegacyJournal } from '../src/bench/criticalPath';
import { parseCriticalPathArgs } from '../src/bench/criticalPathOptions';
import { spansOfOtlpJson, type CollectedSpan } from '../src/bench/startSpanSink';

let nextId = 0;
/** A span of trace `t1`, times in ms from 0. */
const span = (service: string, name: string, startMs: number, endMs: number, parent: CollectedSpan | null, attributes: Record<string, string> = {}): CollectedSpan => ({
  service,
  traceId: 't1',
  spanId: `s${(nextId += 1)}`,
  parentSpanId: parent?.spanId ?? null,
  name,
  startMs,
  endMs,
  attributes,
});

/**
 * A full file in miniature: the identity subgraph's call, then the État subgraph's chain of two
 * SIAO calls beside a shorter CAF call, as a gateway's trace has them.
 */
function trace() {
  const root = span('gateway', 'gateway request', 0, 100, null);
  const auth = span('gateway', 'authentication', 0, 1, root);
  const execute = span('gateway', 'gateway.execute', 1, 99, root);
  const fetchIdentite = span('gateway', 'gateway.fetch', 2, 50, execute);
  const identite = span('identite', 'subgraph request', 3, 49, fetchIdentite);
  const sngi = span('identite', 'legacy attempt', 5, 46, identite, { 'passerelle.legacy.system': 'identite' });
  const fetchEtat = span('gateway', 'gateway.fetch', 51, 97, execute);
  const etat = span('etat', 'subgraph request', 52, 96, fetchEtat);
  const siao1 = span('etat', 'legacy attempt', 54, 74, etat);
  const siao2 = span('etat', 'legacy attempt', 75, 95, etat);
  const fetchCaf = span('gateway', 'gateway.fetch', 51, 70, execute);
  const caf = span('caf', 'subgraph request', 52, 69, fetchCaf);
  const cafCall = span('caf', 'legacy attempt', 53, 68, caf);
  return [root, auth, execute, fetchIdentite, identite, sngi, fetchEtat, etat, siao1, siao2, fetchCaf, caf, cafCall];
}

const call = (system: string, startMs: number, endMs: number): SimulatorCall => ({ system, call: `digest-${system}-${startMs}`, startMs, endMs });
const systemsOf = new Map([
  ['identite', ['sngi']],
  ['etat', ['siao']],
  ['caf', ['caf']],
]);

describe('criticalPath', () => {
  it('follows the last child to end back to the root’s start, and tiles the root with each span’s own time', () => {
    const path = criticalPath(trace());
    expect(path.totalMs).toBe(100);
    // The État chain is on the path, the CAF call (ended at 68, inside it) is not.
    expect(path.byCategory).toEqual({ legacy: 81, legacyTransport: 0, gateway: 6, transport: 4, subgraph: 9 });
    expect(path.legacyCalls).toBe(3);
    expect(path.unmatchedCalls).toBe(3);
    expect(path.segments.map((s) => [s.service, s.span, s.startMs, s.endMs])).toEqual([
      ['gateway', 'authentication', 0, 1],
      ['gateway', 'gateway.execute', 1, 2],
      ['gateway', 'gateway.fetch', 2, 3],
      ['identite', 'subgraph request', 3, 5],
      ['identite', 'legacy attempt', 5, 46],
      ['identite', 'subgraph request', 46, 49],
      ['gateway', 'gateway.fetch', 49, 50],
      ['gateway', 'gateway.execute', 50, 51],
      ['gateway', 'gateway.fetch', 51, 52],
      ['etat', 'subgraph request', 52, 54],
      ['etat', 'legacy attempt', 54, 74],
      ['etat', 'subgraph request', 74, 75],
      ['etat', 'legacy attempt', 75, 95],
      ['etat', 'subgraph request', 95, 96],
      ['gateway', 'gateway.fetch', 96, 97],
      ['gateway', 'gateway.execute', 97, 99],
      ['gateway', 'gateway request', 99, 100],
    ]);
    expect(path.segments[4]).toMatchObject({ category: 'legacy', system: 'identite' });
  });

  it('splits each legacy attempt into the system’s time (the simulator’s journal) and the transport around it', () => {
    const journal: LegacyJournal = {
      // The CAF call and a second SIAO call at the same time as the first belong to other attempts.
      calls: [call('sngi', 6, 45.5), call('siao', 55, 73), call('siao', 54.5, 60), call('siao', 76, 94), call('caf', 53.5, 67)],
      systemsOf,
    };
    const path = criticalPath(trace(), journal);
    expect(path.byCategory.legacy).toBeCloseTo(39.5 + 18 + 18, 6);
    expect(path.byCategory.legacyTransport).toBeCloseTo(1.5 + 2 + 2, 6);
    expect(path.byCategory.legacy + path.byCategory.legacyTransport).toBeCloseTo(81, 6);
    expect(path.unmatchedCalls).toBe(0);
    expect(path.segments.filter((s) => s.span === 'legacy attempt').map((s) => [s.category, s.system, s.startMs, s.endMs])).toEqual([
      ['legacyTransport', 'sngi', 5, 6],
      ['legacy', 'sngi', 6, 45.5],
      ['legacyTransport', 'sngi', 45.5, 46],
      ['legacyTransport', 'siao', 54, 55],
      ['legacy', 'siao', 55, 73],
      ['legacyTransport', 'siao', 73, 74],
      ['legacyTransport', 'siao', 75, 76],
      ['legacy', 'siao', 76, 94],
      ['legacyTransport', 'siao', 94, 95],
    ]);
  });

  it('never matches a call of a system the span’s subgraph does not call, nor one outside the span', () => {
    const path = criticalPath(trace(), { calls: [call('caf', 6, 45), call('sngi', 2, 45)], systemsOf });
    expect(path.unmatchedCalls).toBe(3);
    expect(path.byCategory.legacyTransport).toBe(0);
  });

  it('clips a child that ends after its parent (another process’s clock) so that the segments still tile the root', () => {
    const root = span('gateway', 'gateway request', 0, 10, null);
    const fetch = span('gateway', 'gateway.fetch', 1, 9, root);
    const path = criticalPath([root, fetch, span('caf', 'subgraph request', 2, 9.4, fetch)]);
    expect(path.segments.map((s) => [s.span, s.startMs, s.endMs])).toEqual([
      ['gateway request', 0, 1],
      ['gateway.fetch', 1, 2],
      ['subgraph request', 2, 9],
      ['gateway request', 9, 10],
    ]);
    expect(Object.values(path.byCategory).reduce((a, b) => a + b, 0)).toBe(path.totalMs);
  });

  it('refuses a trace without a single root', () => {
    const a = span('gateway', 'gateway request', 0, 10, null);
    const b = span('gateway', 'gateway request', 0, 10, null);
    expect(() => criticalPath([a, b])).toThrow(/one root span, this one has 2/);
  });

  it('groups spans by trace', () => {
    const spans = trace();
    const other = { ...spans[0]!, traceId: 't2', spanId: 'other' };
    const traces = tracesOf([...spans, other]);
    expect([...traces.keys()]).toEqual(['t1', 't2']);
    expect(traces.get('t1')).toHaveLength(spans.length);
  });
});

describe('spansOfOtlpJson', () => {
  it('reads an OTLP/HTTP JSON export: the service from the resource, hex ids, times in ns as strings, attributes', () => {
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'caf' } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: 'a1',
                  spanId: 'b2',
                  parentSpanId: '',
                  name: 'subgraph request',
                  startTimeUnixNano: '1700000000123456789',
                  endTimeUnixNano: '1700000000125456789',
                  attributes: [
                    { key: 'passerelle.subgraph', value: { stringValue: 'caf' } },
                    { key: 'passerelle.legacy.attempt', value: { intValue: '2' } },
                    { key: 'ok', value: { boolValue: true } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(spansOfOtlpJson(body)).toEqual([
      {
        service: 'caf',
        traceId: 'a1',
        spanId: 'b2',
        parentSpanId: null,
        name: 'subgraph request',
        startMs: 1700000000123.456,
        endMs: 1700000000125.456,
        attributes: { 'passerelle.subgraph': 'caf', 'passerelle.legacy.attempt': 2, ok: true },
      },
    ]);
  });

  it('refuses what is not an OTLP JSON trace export', () => {
    expect(() => spansOfOtlpJson({ resourceMetrics: [] })).toThrow(/not an OTLP JSON trace export/);
    expect(() => spansOfOtlpJson(null)).toThrow(/not an OTLP JSON trace export/);
  });
});

describe('parseCriticalPathArgs', () => {
  it('defaults to 60 cold full files at a fixed 40 ms', () => {
    expect(parseCriticalPathArgs([])).toMatchObject({ scenario: 'full-file', requests: 60, warmup: 3000, latencyMs: 40, jitterMs: 0, population: 20_000 });
    expect(parseCriticalPathArgs(['--scenario', 'list-50', '--requests', '5', '--latency-ms', '40', '--jitter-ms', '20'])).toMatchObject({ scenario: 'list-50', requests: 5, jitterMs: 20 });
  });

  it('names the argument it refuses', () => {
    expect(() => parseCriticalPathArgs(['--scenario', 'everything'])).toThrow(/^--scenario: expected one of full-file, /);
    expect(() => parseCriticalPathArgs(['--requests', '0'])).toThrow(/^--requests: expected at least 1/);
    expect(() => parseCriticalPathArgs(['--requests', '2.5'])).toThrow(/^--requests: expected a whole number in \[0, 1000\]; got 2.5/);
    expect(() => parseCriticalPathArgs(['--latency-ms', '10', '--jitter-ms', '20'])).toThrow(/^--jitter-ms: at most the latency \(10\); got 20/);
    expect(() => parseCriticalPathArgs(['--out'])).toThrow(/^--out: expected a file path/);
    expect(() => parseCriticalPathArgs(['--fast'])).toThrow(/^unknown argument --fast/);
  });
});
