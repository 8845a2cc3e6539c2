/** What a subgraph answered to one POST: its status, content type and whole body, read once as text. */
export interface SubgraphAnswer {
  status: number;
  contentType: string | undefined;
  body: string;
}

/**
 * Sends the gateway's POSTs to subgraphs (PartnerDataSource, the access facts, the crossings:
 * createGateway.ts). `timeoutMs` is the fetch's budget: past it the promise rejects with an error
 * `isFetchTimeout` recognises.
 */
export interface SubgraphFetcher {
  post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<SubgraphAnswer>;
  /** Closes the kept-alive connections (the gateway's stop). */
  close(): Promise<void>;
}

// Duck-typed, not `instanceof`: AbortSignal's DOMException and undici's errors may come from
// another realm (jest's vm contexts, workers) where `instanceof Error` is false.
function field(value: unknown, key: 'name' | 'code' | 'cause'): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<typeof key, unknown>)[key] : undefined;
}

const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Whether a fetcher's error is its budget running out: undici's header/body timeouts, or AbortSignal.timeout's TimeoutError. */
export function isFetchTimeout(error: unknown): boolean {
  const cause = field(error, 'cause');
  return field(error, 'name') === 'TimeoutError' || field(cause, 'name') === 'TimeoutError' || timeoutCodes.has(String(field(error, 'code'))) || timeoutCodes.has(String(field(cause, 'code')));
}

/** An error code (`ECONNREFUSED`, `UND_ERR_SOCKET`) or class name for the logs: never a message, which may quote a URL. */
export function fetchErrorCause(error: unknown): string {
  const cause = field(error, 'cause') ?? error;
  const code = field(cause, 'code') ?? field(cause, 'name');
  return typeof code === 'string' ? code : typeof cause;
}
