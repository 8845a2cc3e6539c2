import { ConfigError } from '../config/readConfig';
import { devGatewayContextSecret } from './gatewayContextKey';

/**
 * Refuses the development GATEWAY_CONTEXT_SECRET in production: anyone who has read this
 * repository could otherwise sign contexts that every subgraph accepts. Throws a ConfigError.
 */
export function assertGatewayContextSecret(secret: string, mode: 'dev' | 'production'): void {
  if (mode === 'production' && secret === devGatewayContextSecret) {
    throw new ConfigError(['GATEWAY_CONTEXT_SECRET: the development default is refused in production; set a secret of at least 32 random characters']);
  }
}
