import { parseArgs } from 'node:util';
import path from 'node:path';
import { assertAuditSinkConfig, ConfigError } from '@passerelle/subgraph-kit';
import { assertProductionAuditConfig } from '../audit/assertProductionAuditConfig';
import type { SealKeys } from '../audit/SealKeys';
import { sealKeysOf } from '../audit/sealKeysOf';
import { loadGatewayConfig, type GatewayConfig } from '../config';

/** Bad command-line arguments (exit status 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The audit tools' arguments and the configuration they act on. */
export interface AuditCliContext {
  config: GatewayConfig;
  /** AUDIT_SEAL_KEY and AUDIT_SEAL_KEYS_PREVIOUS: every check of a seal takes them all. */
  sealKeys: SealKeys;
  /** `--file`, resolved from the working directory, else AUDIT_JOURNAL_PATH. */
  file: string;
  /** Which journal to act on: `--file` or AUDIT_SINK=file, else (AUDIT_SINK=postgres) the database AUDIT_DATABASE_URL. */
  sink: 'file' | 'postgres';
  strict: boolean;
  help: boolean;
}

/**
 * Parses `--file <path>`, `--strict` (when allowed), `--help` and reads the gateway's
 * configuration, refusing the development seal key in production mode. Throws a
 * ConfigError for a bad configuration, a UsageError for bad arguments: both are exit 2.
 */
export function parseAuditCliArgs(args: readonly string[], env: NodeJS.ProcessEnv, allowStrict: boolean): AuditCliContext {
  let values: { file?: string | boolean; help?: string | boolean; strict?: string | boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { file: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...(allowStrict ? { strict: { type: 'boolean' } } : {}) },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.file === '') throw new UsageError('--file needs a path');
  const config = loadGatewayConfig(env);
  assertProductionAuditConfig(config);
  const sealKeys = sealKeysOf(config);
  const file = typeof values.file === 'string' ? path.resolve(values.file) : config.auditJournalPath;
  const sink = typeof values.file === 'string' ? 'file' : config.auditSink;
  if (sink === 'postgres') assertAuditSinkConfig(config);
  return { config, sealKeys, file, sink, strict: values.strict === true, help: values.help === true };
}

/** The message of an argument or configuration error, for stderr. */
export function usageErrorMessage(error: unknown): string | null {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof UsageError) return error.message;
  return null;
}

/**
 * The audit CLIs' common start: the parsed context, or the exit status when there is nothing more
 * to do (usage printed for `--help`, or a usage error printed with the usage: 2).
 */
export function auditCliContextOrExit(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  allowStrict: boolean,
  usage: string,
  output: { stdout(text: string): void; stderr(text: string): void },
): AuditCliContext | number {
  let context: AuditCliContext;
  try {
    context = parseAuditCliArgs(args, env, allowStrict);
  } catch (error) {
    const message = usageErrorMessage(error);
    if (message === null) throw error;
    output.stderr(`${message}\n\n${usage}`);
    return 2;
  }
  if (context.help) {
    output.stdout(usage);
    return 0;
  }
  return context;
}
