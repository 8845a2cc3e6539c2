import type { LogFields, Logger, LogLevel } from '@passerelle/subgraph-kit';
import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

/** POSTs one operation to the gateway over real HTTP. */
export async function postGraphQL(baseUrl: string, query: string): Promise<{ status: number; body: GraphQLResponseBody }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponseBody };
}

/** Retries `probe` until it returns true or the deadline passes: no fixed sleeps. */
export async function eventually(probe: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

/** A logger that keeps its lines, so a test can wait for one. */
export function recordingLogger(): { lines: { level: LogLevel; message: string; fields: LogFields }[]; logger: Logger } {
  const lines: { level: LogLevel; message: string; fields: LogFields }[] = [];
  const log =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) =>
      void lines.push({ level, message, fields });
  return { lines, logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') } };
}
