import { trace } from '@opentelemetry/api';
import pino from 'pino';

/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Values allowed in a log line: identifiers, counts, codes. Never a NIR, a name or an address. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Anything that looks like a NIR is masked before a line is written, as a last line of defence. */
const nirLike = /\b[1278]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2A|2B)\s?\d{3}\s?\d{3}\s?\d{2}\b/gi;

/**
 * Fields removed from every line whatever the call site wrote: personal data and credentials
 * (fields are flat scalars, so top-level keys are enough). A line never needs them: the audit
 * journal, not the logs, says whom an operation reached.
 */
export const redactedLogFields = ['nir', 'nom', 'nomNaissance', 'nomUsage', 'prenom', 'prenoms', 'adresse', 'dateNaissance', 'lieuNaissance', 'variables', 'authorization', 'token', 'apiKey'] as const;

/**
 * A structured JSON-lines logger (pino): one line per call, `time` (ISO), `level`, `service`,
 * `message`, the fields, and `traceId`/`spanId` when a span is active (telemetry/tracing.ts), so a
 * line leads to its trace. Fields are typed as scalars so that objects (payloads, errors with
 * their request) cannot be logged by accident. `write` receives each line (tests; default stdout).
 */
export function createLogger(service: string, level: LogLevel = 'info', write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
  const destination = { write: (line: string) => write(line.replace(nirLike, '[NIR]')) };
  const log = pino(
    {
      level,
      base: { service },
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...redactedLogFields], remove: true },
      mixin: () => {
        const span = trace.getActiveSpan()?.spanContext();
        return span === undefined || !trace.isSpanContextValid(span) ? {} : { traceId: span.traceId, spanId: span.spanId };
      },
    },
    destination,
  );
  return {
    debug: (message, fields = {}) => log.debug(fields, message),
    info: (message, fields = {}) => log.info(fields, message),
    warn: (message, fields = {}) => log.warn(fields, message),
    error: (message, fields = {}) => log.error(fields, message),
  };
}

/** A logger that writes nothing, for tests. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
