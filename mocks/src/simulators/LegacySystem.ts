import type { HttpHandler } from 'msw';
import type { Population } from '../population/createPopulation';

/** One simulated legacy system: its msw handlers and its conventions. */
export interface LegacySystem {
  /** Short name, also the counter's name in `/_admin/stats` (`sngi`, `caf`…). */
  name: string;
  /** Path prefix on the HTTP simulator (`/caf`). */
  prefix: string;
  /** Header carrying the API key, as this system names it. */
  apiKeyHeader: string;
  /** The key the simulator accepts (dev only; real keys come from the environment). */
  devApiKey: string;
  /** Largest batch its batch endpoint accepts; 1 for one-person-at-a-time systems. */
  maxBatchSize: number;
  /**
   * Builds the handlers answering under `baseUrl` (e.g. `http://localhost:4100/caf`). `urlOf` gives
   * the base URL of another simulated system beside it, for a system that calls another one (the
   * register of provisional identities sends reconciliation notices to the Département and the
   * reception network); without it, the systems beside it are taken to answer under the same origin.
   */
  handlers(baseUrl: string, population: Population, urlOf?: (system: string) => string): HttpHandler[];
}
