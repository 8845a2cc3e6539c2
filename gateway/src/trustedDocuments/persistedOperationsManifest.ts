import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** One operation of the manifest: `id` is the SHA-256 (hex) of `body`, what clients send as `sha256Hash`. */
export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation';
  body: string;
}

/** Apollo's persisted query manifest format (what `@apollo/generate-persisted-query-manifest` writes). */
export interface PersistedOperationsManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

/** The documents the gateway trusts, by SHA-256 of their body. */
export type PersistedOperations = ReadonlyMap<string, PersistedOperation>;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The manifest's text as it is committed: stable, so that `--check` can compare it byte for byte. */
export function serializeManifest(manifest: PersistedOperationsManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function isOperation(value: unknown): value is PersistedOperation {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, type, body } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' && (type === 'query' || type === 'mutation') && typeof body === 'string';
}

/**
 * Checks a parsed manifest. An id that is not the hash of its body (a body edited by hand) is
 * refused: the hash a client sends must name exactly the document that runs.
 */
export function persistedOperationsOf(manifest: unknown): PersistedOperations {
  const { format, version, operations } = (typeof manifest === 'object' && manifest !== null ? manifest : {}) as Record<string, unknown>;
  if (format !== 'apollo-persisted-query-manifest' || version !== 1 || !Array.isArray(operations)) {
    throw new Error('expected { "format": "apollo-persisted-query-manifest", "version": 1, "operations": [...] }');
  }
  const byId = new Map<string, PersistedOperation>();
  operations.forEach((operation: unknown, index) => {
    if (!isOperation(operation)) throw new Error(`operation ${index + 1}: expected { id, name, type: "query" | "mutation", body }`);
    if (operation.id !== sha256Hex(operation.body)) throw new Error(`operation ${operation.name}: its id is not the SHA-256 of its body (run \`npm run persisted:build\`)`);
    byId.set(operation.id, operation);
  });
  return byId;
}

/** Reads the manifest at start-up; a missing or malformed file stops the gateway. */
export function loadPersistedOperations(path: string): PersistedOperations {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`The persisted operations manifest ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return persistedOperationsOf(parsed);
  } catch (error) {
    throw new Error(`The persisted operations manifest ${path} is invalid: ${(error as Error).message}`);
  }
}
