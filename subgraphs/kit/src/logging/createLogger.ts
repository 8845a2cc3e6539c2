/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

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
 * A JSON-lines logger. Fields are typed as scalars so that objects (payloads, errors with
 * their request) cannot be logged by accident.
 */
export function createLogger(service: string, level: LogLevel = 'info', write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
  const log =
    (lineLevel: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (order[lineLevel] < order[level]) return;
      const line = JSON.stringify({ time: new Date().toISOString(), level: lineLevel, service, message, ...fields });
      write(`${line.replace(nirLike, '[NIR]')}\n`);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that writes nothing, for tests. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
