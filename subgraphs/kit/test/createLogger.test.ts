import { createLogger } from '../src/logging/createLogger';
import { startTracing, withSpan } from '../src/telemetry/index';
import { InMemorySpanExporter } from '../src/telemetry/testing';

const exporter = new InMemorySpanExporter();
const tracing = startTracing({ serviceName: 'essai', exporter });
afterAll(() => tracing.shutdown());

describe('createLogger (pino)', () => {
  it('writes one JSON line per call, at or above its level, with the service, level and message', () => {
    const lines: string[] = [];
    const logger = createLogger('essai', 'info', (line) => void lines.push(line));
    logger.debug('not written');
    logger.info('written', { count: 2, code: null });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown, service: 'essai', message: 'written', count: 2, code: null });
  });

  it('carries the active span’s trace and span ids, and none outside a span', async () => {
    const lines: string[] = [];
    const logger = createLogger('essai', 'debug', (line) => void lines.push(line));
    const ids = await withSpan('essai', {}, (span) => {
      logger.warn('inside');
      return Promise.resolve(span.spanContext());
    });
    logger.warn('outside');
    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({ message: 'inside', traceId: ids.traceId, spanId: ids.spanId });
    expect(outside).not.toHaveProperty('traceId');
  });

  it('removes personal and secret fields, and masks anything NIR-shaped left in a value', () => {
    const lines: string[] = [];
    const logger = createLogger('essai', 'debug', (line) => void lines.push(line));
    logger.error('oops', { nir: '185071234567890', nomNaissance: 'MARTIN', authorization: 'Bearer x', cause: 'id 2 85 07 12 345 678 90 refused' });
    expect(JSON.parse(lines[0]!)).toEqual({ level: 'error', time: expect.any(String) as unknown, service: 'essai', message: 'oops', cause: 'id [NIR] refused' });
  });
});
