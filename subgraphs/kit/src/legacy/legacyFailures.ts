import { AxiosError } from 'axios';

/** One attempt at a legacy call took longer than the system's timeout (`<PREFIX>_LEGACY_TIMEOUT_MS`). */
export class LegacyTimeoutError extends Error {
  override readonly name = 'LegacyTimeoutError';
}

/** The request's deadline (set by the gateway, requestDeadline.ts) came before the legacy call could end: nothing more is tried. */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
}

/** Transport failures worth another attempt: the connection was reset or broken mid-call (a stale keep-alive socket, a restart). */
const transientCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT']);

/**
 * What may succeed if an idempotent read is tried again: a 5xx answer, a reset connection, an
 * attempt that timed out. Never a 4xx (the request itself is wrong, or the credentials), a 429
 * (the system asks for less, not more), a payload that does not validate, an open breaker, a full
 * bulkhead or the request's deadline.
 */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof LegacyTimeoutError) return true;
  if (!(error instanceof AxiosError)) return false;
  const status = error.response?.status;
  if (status !== undefined) return status >= 500;
  return error.code !== undefined && transientCodes.has(error.code);
}

/**
 * What counts against the system's circuit breaker: it is down, overloaded or unreachable — a
 * 5xx or 429 answer, no answer at all (refused, reset), an attempt that timed out. An answer the
 * system gave (a 4xx, a malformed payload about one person) says nothing about its health, and
 * a request cut by its own deadline is not the system's fault.
 */
export function isSystemFailure(error: unknown): boolean {
  if (error instanceof LegacyTimeoutError) return true;
  if (!(error instanceof AxiosError) || error.code === AxiosError.ERR_CANCELED) return false;
  const status = error.response?.status;
  return status === undefined || status >= 500 || status === 429;
}
