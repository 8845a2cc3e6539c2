import type { RunningFederation } from '@passerelle/dev';
import { gatewayMetricNames } from '@passerelle/gateway';
import { clearLegacyReadCaches } from '@passerelle/subgraph-kit';
import { kitMetricNames } from '@passerelle/subgraph-kit/metrics';
import { InMemorySpanExporter, type ReadableSpan } from '@passerelle/subgraph-kit/telemetry/testing';
import { fullFileQuery } from '../src/e2e/fullFileQuery';
import { asUsager, nirsIn, query, startTestFederation, testCodec } from '../src/e2e/testFederation';
import { parsePrometheusText, sampleValue } from '../src/metrics/parsePrometheusText';

const exporter = new InMemorySpanExporter();
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation({}, undefined, undefined, exporter);
});
afterAll(() => federation.stop());

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const scrape = async (url: string) => {
  const response = await fetch(`${url}/metrics`);
  expect([response.status, response.headers.get('content-type')?.startsWith('text/plain')]).toEqual([200, true]);
  return parsePrometheusText(await response.text());
};
/** The families of a scrape whose names are not in the exported list (must be none). */
const unlisted = (families: Map<string, unknown>, listed: readonly string[]) => [...families.keys()].filter((name) => !listed.includes(name));

describe('one trace across every hop, no personal data in it', () => {
  it('a full file is one trace: the gateway’s spans, each subgraph’s request, each legacy call, linked through traceparent headers', async () => {
    const persona = federation.population.persona('rsa-isolee');
    const id = testCodec.encode(persona.nir);
    exporter.reset();
    const answer = await query(federation, fullFileQuery, { id }, asUsager(id));
    expect(answer.errors).toBeUndefined();
    const spans = exporter.getFinishedSpans();

    // One trace, one root: the gateway's request span; every other span's parent is in the trace.
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
    const ids = new Set(spans.map((s) => s.spanContext().spanId));
    expect(spans.filter((s) => parentOf(s) === undefined).map((s) => s.name)).toEqual(['gateway request']);
    expect(spans.filter((s) => parentOf(s) !== undefined && !ids.has(parentOf(s)!))).toEqual([]);
    const root = spans.find((s) => s.name === 'gateway request')!;
    expect(root.attributes['graphql.operation.name']).toBe('DossierComplet');

    const names = new Set(spans.map((s) => s.name));
    for (const name of [
      'authentication',
      'authorization document',
      'authorization fields',
      'authorization rows',
      'audit record',
      'gateway.plan',
      'gateway.fetch',
      'subgraph request',
      'legacy attempt',
    ]) {
      expect([name, names.has(name)]).toEqual([name, true]);
    }

    // Every subgraph fetched answers in its own span, whose parent is the gateway's span for that
    // fetch: a child across HTTP, through the `traceparent` the gateway sent (the subgraph
    // extracts it onto the root context, telemetry/spans.ts).
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const fetched = new Set(spans.filter((s) => s.name === 'gateway.fetch').map((s) => s.attributes['passerelle.subgraph']));
    const served = spans.filter((s) => s.name === 'subgraph request');
    expect(new Set(served.map((s) => s.attributes['passerelle.subgraph']))).toEqual(new Set([...fetched, 'departement']));
    for (const span of served) expect(['gateway.fetch', 'authorization rows']).toContain(byId.get(parentOf(span)!)?.name);

    // Each legacy call is a span under its subgraph's request, with the system, kind, batch size,
    // cache outcome, attempts and breaker state.
    const legacy = spans.filter((s) => s.name.startsWith('legacy ') && s.name !== 'legacy attempt');
    expect(legacy.length).toBeGreaterThanOrEqual(fetched.size);
    const ancestorsOf = (span: ReadableSpan): string[] => {
      const parent = byId.get(parentOf(span) ?? '');
      return parent ? [parent.name, ...ancestorsOf(parent)] : [];
    };
    for (const span of legacy) {
      expect(ancestorsOf(span)).toContain('subgraph request');
      expect(Object.keys(span.attributes).sort()).toEqual(
        expect.arrayContaining([
          'passerelle.legacy.system',
          'passerelle.legacy.operation',
          'passerelle.legacy.kind',
          'passerelle.legacy.batch_size',
          'passerelle.legacy.breaker_state',
          'passerelle.legacy.attempts',
        ]),
      );
      expect(span.attributes['passerelle.legacy.breaker_state']).toBe('closed');
    }
    expect(new Set(legacy.map((s) => s.attributes['passerelle.legacy.system']))).toEqual(expect.objectContaining(new Set(['caf', 'cpam', 'identite'])));
    for (const system of ['caf', 'cpam', 'carsat', 'msa', 'identite', 'departement']) {
      expect([system, legacy.some((s) => s.attributes['passerelle.legacy.system'] === system)]).toEqual([system, true]);
    }
  });

  it('no span attribute, event or status carries a NIR, a name, an address or an opaque usager id, over every persona', async () => {
    exporter.reset();
    const personas = federation.population.personas.map((p) => federation.population.persona(p.key));
    for (const persona of personas) {
      const id = testCodec.encode(persona.nir);
      await query(federation, fullFileQuery, { id }, asUsager(id));
    }
    const spans = exporter.getFinishedSpans();
    expect(spans.length).toBeGreaterThan(personas.length * 20);
    const text = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status, links: s.links })));
    expect(nirsIn(text)).toEqual([]);
    const personal = personas.flatMap((p) => [p.nir, testCodec.encode(p.nir), p.nomNaissance, ...(p.nomUsage ? [p.nomUsage] : []), ...p.prenoms, p.adresse.ligne, p.dateNaissance]);
    expect(personal.filter((value) => value.length > 3 && text.toUpperCase().includes(value.toUpperCase()))).toEqual([]);
  });
});

describe('GET /metrics on the gateway and a subgraph', () => {
  it('parse as Prometheus text, list only the documented metrics, and move with requests and faults', async () => {
    const caf = federation.subgraphs.get('caf')!.url;
    const gatewayBefore = await scrape(federation.gatewayUrl);
    const cafBefore = await scrape(caf);
    const persona = federation.population.persona('rsa-isolee');
    const id = testCodec.encode(persona.nir);
    // The tests above read this file: forget their answers, so that the first read reaches the system and the second is a hit.
    clearLegacyReadCaches();
    await query(federation, fullFileQuery, { id }, asUsager(id));
    await query(federation, fullFileQuery, { id }, asUsager(id));
    federation.simulator.setKnobs('caf', { down: true });
    const down = await query(federation, fullFileQuery, { id }, asUsager(id));
    federation.simulator.setKnobs('caf', { down: false });
    expect(down.errors?.map((e) => [e.extensions?.code, e.extensions?.partenaire])).toContainEqual(['PARTENAIRE_INDISPONIBLE', 'caf']);
    const gateway = await scrape(federation.gatewayUrl);
    const cafAfter = await scrape(caf);

    expect(unlisted(gateway, gatewayMetricNames)).toEqual([]);
    expect(unlisted(cafAfter, kitMetricNames)).toEqual([]);
    const moved = (after: typeof gateway, before: typeof gateway, name: string, labels: Record<string, string>) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(moved(gateway, gatewayBefore, 'passerelle_gateway_requests_total', { operation: 'DossierComplet', endpoint: 'graph' })).toBe(3);
    expect(moved(gateway, gatewayBefore, 'passerelle_gateway_request_duration_seconds_count', { operation: 'DossierComplet', endpoint: 'graph' })).toBe(3);
    expect(moved(gateway, gatewayBefore, 'passerelle_gateway_errors_total', { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf' })).toBeGreaterThanOrEqual(1);
    expect(moved(gateway, gatewayBefore, 'passerelle_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'caf' })).toBeGreaterThanOrEqual(2);
    expect(sampleValue(gateway, 'passerelle_gateway_audit_pending_records', {})).toBe(0);
    expect(moved(cafAfter, cafBefore, 'passerelle_subgraph_requests_total', { subgraph: 'caf' })).toBeGreaterThanOrEqual(2);
    expect(moved(cafAfter, cafBefore, 'passerelle_legacy_calls_total', { system: 'caf', kind: 'read' })).toBeGreaterThanOrEqual(2);
    // The second request's read came from the cache (the caches are on by default; docs/configuration.md).
    expect(moved(cafAfter, cafBefore, 'passerelle_legacy_cache_hits_total', { system: 'caf' })).toBeGreaterThanOrEqual(1);
    expect(moved(cafAfter, cafBefore, 'passerelle_legacy_errors_total', { system: 'caf', code: 'PARTENAIRE_INDISPONIBLE' })).toBeGreaterThanOrEqual(1);
    // The down system was retried (3 retries of each read), not beyond.
    expect(moved(cafAfter, cafBefore, 'passerelle_legacy_retries_total', { system: 'caf' })).toBeGreaterThanOrEqual(3);
    expect(sampleValue(cafAfter, 'passerelle_legacy_breaker_state', { system: 'caf' })).toBe(0);
    expect(cafAfter.get('passerelle_legacy_breaker_state')?.type).toBe('gauge');
    // No label value anywhere looks like personal data.
    const labels = JSON.stringify([...gateway.values(), ...cafAfter.values()].flatMap((f) => f.samples.map((s) => s.labels)));
    expect(nirsIn(labels)).toEqual([]);
    expect(labels).not.toContain(id);
  });
});
