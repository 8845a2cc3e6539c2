import { ConfigError } from '@passerelle/subgraph-kit';
import { loadGatewayConfig } from '../../src/config';

/** The problems loadGatewayConfig reports for this environment; fails the test when it reports none. */
export function configProblemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
