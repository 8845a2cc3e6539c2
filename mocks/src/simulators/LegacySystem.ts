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
  /** Builds the handlers answering under `baseUrl` (e.g. `http://localhost:4100/caf`). */
  handlers(baseUrl: string, population: Population): HttpHandler[];
}
