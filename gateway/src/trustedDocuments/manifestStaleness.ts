import { serializeManifest, type PersistedOperationsManifest } from './persistedOperationsManifest';

function operationsByName(text: string): Map<string, string> | undefined {
  try {
    const { operations } = JSON.parse(text) as { operations?: unknown };
    if (!Array.isArray(operations)) return undefined;
    return new Map(operations.map((operation: { name?: unknown; id?: unknown }) => [String(operation.name), String(operation.id)]));
  } catch {
    return undefined;
  }
}

/**
 * Why the committed manifest text differs from a fresh build (`npm run persisted:build -- --check`):
 * an empty list when it is byte for byte what the build writes.
 */
export function manifestStaleness(committed: string | undefined, fresh: PersistedOperationsManifest): string[] {
  if (committed === undefined) return ['the manifest does not exist'];
  if (committed === serializeManifest(fresh)) return [];
  const before = operationsByName(committed);
  if (before === undefined) return ['the manifest is not a manifest'];
  const reasons: string[] = [];
  for (const { name, id } of fresh.operations) {
    if (!before.has(name)) reasons.push(`${name} is not in it`);
    else if (before.get(name) !== id) reasons.push(`${name} has changed`);
  }
  const names = new Set(fresh.operations.map((operation) => operation.name));
  for (const name of before.keys()) if (!names.has(name)) reasons.push(`${name} is no longer among the operations`);
  return reasons.length > 0 ? reasons : ['its layout differs from what the build writes'];
}
