import { discoverSubgraphs } from '@passerelle/subgraph-kit/discovery';

/**
 * The same setting for every legacy system of every subgraph: `{ _LEGACY_TIMEOUT_MS: '150' }`
 * gives `CAF_LEGACY_TIMEOUT_MS`, `BAILLEURS_RAH_LEGACY_TIMEOUT_MS`… = 150, found in each subgraph's
 * own config module (the kit's `legacyEnv`), so a new partner is covered without a list here.
 */
export function legacyEnvForEverySystem(settings: Record<`_LEGACY_${string}`, string>): NodeJS.ProcessEnv {
  const variables = discoverSubgraphs().flatMap((subgraph) => Object.values(subgraph.load().env).map((variable) => variable.env));
  return Object.fromEntries(
    Object.entries(settings).flatMap(([suffix, value]) => {
      const matching = variables.filter((name) => name.endsWith(suffix));
      if (matching.length === 0) throw new Error(`no subgraph reads a variable ending in ${suffix}`);
      return matching.map((name) => [name, value]);
    }),
  );
}
