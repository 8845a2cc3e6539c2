/** Behaviour of one simulated system, adjustable at run time through `/_admin`. */
export interface SystemKnobs {
  latencyMs: number;
  jitterMs: number;
  /** Share of calls answered with 500, in [0, 1]. */
  errorRate: number;
  /** When true every call gets 503. */
  down: boolean;
  /**
   * When true every call gets HTTP 200 with a payload outside the system's documented format (a
   * JSON string where an object is expected), as after a broken release of the partner's API.
   */
  malformed: boolean;
}

/** Validates a partial update from `PUT /_admin/systems/:name`; returns a message on bad input. */
export function parseKnobs(input: unknown): Partial<SystemKnobs> | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'expected a JSON object';
  const out: Partial<SystemKnobs> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'down' || key === 'malformed') {
      if (typeof value !== 'boolean') return `${key} must be a boolean`;
      out[key] = value;
    } else if (key === 'latencyMs' || key === 'jitterMs') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 60_000) return `${key} must be an integer in [0, 60000]`;
      out[key] = value;
    } else if (key === 'errorRate') {
      if (typeof value !== 'number' || value < 0 || value > 1) return 'errorRate must be a number in [0, 1]';
      out.errorRate = value;
    } else return `unknown setting ${key}`;
  }
  return out;
}
