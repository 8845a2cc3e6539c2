import type { EnvParser } from './envParsers';

/** One documented environment variable: its name, default and parser. */
export interface EnvVar<T> {
  /** The variable's name, e.g. `CAF_URL`. */
  env: string;
  /** Used when the variable is unset or empty. */
  default: T;
  parse: EnvParser<T>;
  /** One line for the README's configuration table. */
  doc: string;
}

export type ConfigSpec = Record<string, EnvVar<unknown>>;
export type ConfigOf<S extends ConfigSpec> = { readonly [K in keyof S]: S[K] extends EnvVar<infer T> ? T : never };

/** Thrown when one or more variables are malformed; the message names every one. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function defineEnv<T>(env: string, defaultValue: T, parse: EnvParser<T>, doc: string): EnvVar<T> {
  return { env, default: defaultValue, parse, doc };
}

/**
 * Reads a typed configuration from the environment: unset or empty means the documented
 * default; a malformed value is reported by name (the value itself is not echoed, it may
 * be a secret). All problems are collected before throwing.
 */
export function readConfig<S extends ConfigSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [key, variable] of Object.entries(spec)) {
    const raw = env[variable.env];
    if (raw === undefined || raw === '') {
      result[key] = variable.default;
      continue;
    }
    try {
      result[key] = variable.parse(raw);
    } catch (error) {
      problems.push(`${variable.env}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return result as ConfigOf<S>;
}

/** Runs an entry point's config reading; on a ConfigError prints it and exits with status 2. */
export function readConfigOrExit<S extends ConfigSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  try {
    return readConfig(spec, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
