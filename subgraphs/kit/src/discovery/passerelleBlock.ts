/** The declaration a subgraph package makes in its package.json, under `passerelle`. */
export interface PasserelleBlock {
  /** The subgraph's name, as in the supergraph (`caf`, `france-travail`). */
  subgraph: string;
  /** Its default port (`npm start`, the default URL in the supergraph); unique across subgraphs. */
  port: number;
  /** Legacy-URL variables → the simulated system (mocks/src/simulators/<system>) each points at when unset. */
  legacy: Readonly<Record<string, string>>;
}

/** Subgraph and system names: lower-case letters, digits and hyphens, as partner codes (partner spec). */
export const subgraphNamePattern = /^[a-z][a-z0-9-]{1,30}$/;
const variablePattern = /^[A-Z][A-Z0-9_]*$/;

/** Validates the `passerelle` block of a package.json; throws an Error naming what is wrong (the caller adds the package). */
export function parsePasserelleBlock(raw: unknown): PasserelleBlock {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('"passerelle" must be an object { subgraph, port, legacy }');
  const block = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(block).filter((key) => !['subgraph', 'port', 'legacy'].includes(key));
  if (unknownKeys.length > 0) throw new Error(`"passerelle" has unknown keys: ${unknownKeys.join(', ')} (expected subgraph, port, legacy)`);
  const { subgraph, port, legacy = {} } = block;
  if (typeof subgraph !== 'string' || !subgraphNamePattern.test(subgraph))
    throw new Error('"passerelle.subgraph" must be lower-case letters, digits and hyphens (2 to 31 characters, starting with a letter)');
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) throw new Error('"passerelle.port" must be an integer between 1 and 65535');
  if (typeof legacy !== 'object' || legacy === null || Array.isArray(legacy)) throw new Error('"passerelle.legacy" must be an object { "<VARIABLE>": "<simulated system>" }');
  for (const [variable, system] of Object.entries(legacy)) {
    if (!variablePattern.test(variable)) throw new Error(`"passerelle.legacy" key ${JSON.stringify(variable)} is not an environment variable name (upper-case, digits, underscores)`);
    if (typeof system !== 'string' || !subgraphNamePattern.test(system)) throw new Error(`"passerelle.legacy.${variable}" must name a simulated system (lower-case letters, digits and hyphens)`);
  }
  return { subgraph, port, legacy: legacy as Record<string, string> };
}
