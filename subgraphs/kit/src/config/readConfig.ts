import type { EnvParser } from './envParsers';

/** One documented environment variable: its name, default and parser. */
export interface EnvVar<T> {
  /** The variable's name, e.g. `CAF_URL`. */
  env: string;
  /** Used when the variable is unset or empty. */
  default: T;
  parse: EnvParser<T>;
  /** One line for the configuration tables (docs/configuration.md, each subgraph's README.md). */
  doc: string;
  /**
   * Marks the variable whose value `production` (PASSERELLE_MODE, `passerelleModeEnv`) turns on
   * every `productionProblem` check of the spec it is part of.
   */
  switchesProductionChecks?: true;
  /** In production mode, what is wrong with this value (e.g. a development default), or undefined; the variable's name is added. */
  productionProblem?(value: T): string | undefined;
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

/** The same variable, refused in production mode when left to its (development) default; `advice` says what to set instead. */
export function refusedInProductionByDefault<T>(variable: EnvVar<T>, advice: string): EnvVar<T> {
  return { ...variable, productionProblem: (value) => (value === variable.default ? `the development default is refused in production; ${advice}` : undefined) };
}

/**
 * The production checks of a spec that has a `switchesProductionChecks` variable set to
 * `production`: every variable's `productionProblem`, named. One place for every process that
 * reads its mode this way (every subgraph, through `gatewayContextEnv`), none of its own.
 */
function productionProblems(spec: ConfigSpec, result: Record<string, unknown>): string[] {
  const production = Object.entries(spec).some(([key, variable]) => variable.switchesProductionChecks === true && result[key] === 'production');
  if (!production) return [];
  return Object.entries(spec).flatMap(([key, variable]) => {
    const problem = variable.productionProblem?.(result[key]);
    return problem === undefined ? [] : [`${variable.env}: ${problem}`];
  });
}

/**
 * Reads a typed configuration from the environment: unset or empty means the documented
 * default; a malformed value is reported by name (the value itself is not echoed, it may
 * be a secret). All problems are collected before throwing. In production mode (see
 * `switchesProductionChecks`), development defaults are then refused the same way.
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
  const refused = productionProblems(spec, result);
  if (refused.length > 0) throw new ConfigError(refused);
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
