import { legacySystem } from '../simulators/legacySystems';
import { testUrlOf } from './legacyTestServer';

/**
 * POSTs `body` to `path` of a simulated legacy system, as its clients do. By default the call
 * carries the system's dev key in the system's own header; tests of the key check pass their
 * own `headers` instead. A string body is sent as is, so tests can send unreadable JSON.
 */
export function postLegacy(system: string, path: string, body: unknown, headers?: Record<string, string>): Promise<Response> {
  const { apiKeyHeader, devApiKey } = legacySystem(system);
  return fetch(`${testUrlOf(system)}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(headers ?? { [apiKeyHeader]: devApiKey }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
