import path from 'node:path';
import { defineEnv, envEnum, envInt, envString, envUrl, readConfig, serverEnv, type ConfigOf, type EnvParser } from '@passerelle/subgraph-kit';

/** Where the committed supergraph lives: the schema package's file, resolved like any dependency. */
export function defaultSupergraphPath(): string {
  try {
    return require.resolve('@passerelle/schema/supergraph.graphql');
  } catch {
    // require.resolve fails while the file does not exist yet: point where `npm run compose` writes it.
    return path.resolve(__dirname, '../../schema/supergraph.graphql');
  }
}

const subgraphName = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Parses `name=url,name=url` (blank entries ignored). Messages name the entry, never echo
 * the URL: it may carry credentials.
 */
export const envSubgraphUrls: EnvParser<ReadonlyMap<string, string>> = (raw) => {
  const urls = new Map<string, string>();
  const entries = raw.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  entries.forEach((entry, index) => {
    const separator = entry.indexOf('=');
    const name = separator > 0 ? entry.slice(0, separator).trim() : '';
    if (!subgraphName.test(name)) {
      throw new Error(`entry ${index + 1}: expected name=url, e.g. caf=http://127.0.0.1:4002/graphql`);
    }
    if (urls.has(name)) throw new Error(`subgraph "${name}" is given twice`);
    try {
      urls.set(name, envUrl(entry.slice(separator + 1).trim()));
    } catch {
      throw new Error(`subgraph "${name}": expected an absolute http(s) URL`);
    }
  });
  return urls;
};

/** Relative paths are taken from the working directory, like any command-line path. */
const envPath: EnvParser<string> = (raw) => path.resolve(envString()(raw));

/** Every variable the gateway reads, with its default and documentation (the README's table). */
export const gatewayEnv = {
  ...serverEnv('GATEWAY', 4000),
  supergraphPath: defineEnv(
    'SUPERGRAPH_PATH',
    defaultSupergraphPath(),
    envPath,
    'Supergraph file served and watched for changes (default: schema/supergraph.graphql).',
  ),
  mode: defineEnv(
    'PASSERELLE_MODE',
    'dev' as const,
    envEnum('dev', 'production'),
    '`dev` serves GraphiQL and allows introspection; `production` does neither.',
  ),
  subgraphTimeoutMs: defineEnv('SUBGRAPH_TIMEOUT_MS', 10_000, envInt(100, 120_000), 'Timeout of one gateway → subgraph fetch, in ms.'),
  subgraphUrls: defineEnv<ReadonlyMap<string, string>>(
    'SUBGRAPH_URLS',
    new Map(),
    envSubgraphUrls,
    'Overrides of subgraph URLs, `name=url,name=url` (default: the URLs written in the supergraph).',
  ),
};

export type GatewayConfig = ConfigOf<typeof gatewayEnv>;

/** Reads the gateway's configuration; throws a ConfigError naming every malformed variable. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return readConfig(gatewayEnv, env);
}
