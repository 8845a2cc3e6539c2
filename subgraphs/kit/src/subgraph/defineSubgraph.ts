import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { gatewayContextEnv, serverEnv } from '../config/commonEnv';
import { readConfig, type ConfigOf, type ConfigSpec } from '../config/readConfig';
import { createLogger, type Logger } from '../logging/createLogger';
import { createSubgraphServer, type RunningSubgraphServer, type SubgraphRequestContext } from '../server/createSubgraphServer';
import { loadTypeDefs } from '../server/loadTypeDefs';
import { gatewayContextOptionsOf } from '../server/gatewayContextOptionsOf';
import { guardProvisionalKeys } from './guardProvisionalKeys';

/** The variables every subgraph reads: `serverEnv(...)` and `gatewayContextEnv()`; a subgraph adds its own. */
type CommonEnvSpec = ReturnType<typeof serverEnv> & ReturnType<typeof gatewayContextEnv>;
export type SubgraphEnvSpec = ConfigSpec & CommonEnvSpec;

/** What a partner writes to publish a subgraph: its name, its SDL, its environment and its domain code. */
export interface SubgraphDefinition<S extends SubgraphEnvSpec, TContext extends SubgraphRequestContext> {
  /** The subgraph's name, as in the supergraph and the `passerelle.subgraph` of its package.json (`caf`). */
  name: string;
  /** Absolute path of its `schema.graphql`. */
  typeDefsPath: string;
  /** Its one config module's spec (kit `serverEnv`, `legacyEnv`, `gatewayContextEnv`…). */
  env: S;
  resolvers: GraphQLResolverMap<TContext>;
  /**
   * Whether this subgraph serves people known by a provisional key (`PRV…`, identity/provisionalKey.ts)
   * as well as by a NIR. Default false: a partner keyed on the NIR cannot know them yet, so the kit
   * answers null for its `Usager` fields without asking it (guardProvisionalKeys.ts). True only for
   * the agency's own systems that file people under the usager key (identity register,
   * Département, reception network, journal) and for the SIAO, which matches a provisional
   * person by pivot identity.
   */
  acceptsProvisionalKeys?: boolean;
  /**
   * Called once when the server starts, with its configuration: builds what lives as long as
   * the server (legacy clients, whose concurrency bound is shared by every request) and returns
   * what builds each request's context from the kit's part (fresh DataLoaders every time,
   * nothing shared across callers).
   */
  createContext(config: ConfigOf<S>, logger: Logger): (base: SubgraphRequestContext) => TContext | Promise<TContext>;
}

/** A subgraph ready to be run: by its package's main (`runSubgraph`), by `npm start`, by tests. */
export interface SubgraphDescriptor<S extends SubgraphEnvSpec = SubgraphEnvSpec> {
  name: string;
  typeDefsPath: string;
  env: S;
  /** Reads the configuration from `env` (default: `process.env`); throws a `ConfigError` naming every malformed variable. */
  loadConfig: (env?: NodeJS.ProcessEnv) => ConfigOf<S>;
  /** Starts the subgraph's server; logs as `name` at the configured level unless given a logger. */
  createServer: (config: ConfigOf<S>, logger?: Logger) => Promise<RunningSubgraphServer>;
}

/**
 * Turns a subgraph's definition into its descriptor. The server (Apollo, /health, the
 * gateway's signed context, error masking) is the kit's; the package holds its domain code.
 */
export function defineSubgraph<S extends SubgraphEnvSpec, TContext extends SubgraphRequestContext>(definition: SubgraphDefinition<S, TContext>): SubgraphDescriptor<S> {
  const loadConfig = (env: NodeJS.ProcessEnv = process.env): ConfigOf<S> => readConfig(definition.env, env);
  const createServer = (config: ConfigOf<S>, logger?: Logger): Promise<RunningSubgraphServer> => {
    // S extends CommonEnvSpec, so its config has these variables; TypeScript cannot see it through the generic.
    const common = config as ConfigOf<CommonEnvSpec>;
    const log = logger ?? createLogger(definition.name, common.logLevel);
    const typeDefs = loadTypeDefs(definition.typeDefsPath);
    return createSubgraphServer<TContext>({
      name: definition.name,
      typeDefs,
      resolvers: definition.acceptsProvisionalKeys === true ? definition.resolvers : guardProvisionalKeys(definition.resolvers, typeDefs),
      port: common.port,
      host: common.host,
      logger: log,
      gatewayContext: gatewayContextOptionsOf(common),
      createContext: definition.createContext(config, log),
    });
  };
  return { name: definition.name, typeDefsPath: definition.typeDefsPath, env: definition.env, loadConfig, createServer };
}
