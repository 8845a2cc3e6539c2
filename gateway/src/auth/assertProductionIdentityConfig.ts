import { ConfigError } from '@passerelle/subgraph-kit';
import { devIdpIssuer, type GatewayConfig } from '../config';

const devIdpOrigin = new URL(devIdpIssuer).origin;

function problemOf(variable: string, value: string): string | null {
  const url = new URL(value);
  if (url.origin === devIdpOrigin) return `${variable}: the development identity provider is refused in production; name the real identity provider (https)`;
  if (url.protocol !== 'https:') return `${variable}: must be an https URL in production`;
  return null;
}

/**
 * Refuses, in production mode, an identity provider that is the development one (its key is
 * on every developer's machine, so anyone could mint tokens) or is not reached over https (keys
 * fetched in clear could be swapped). Throws a ConfigError naming OIDC_ISSUER and/or OIDC_JWKS_URL.
 */
export function assertProductionIdentityConfig(config: Pick<GatewayConfig, 'mode' | 'oidcIssuer' | 'oidcJwksUrl'>): void {
  if (config.mode !== 'production') return;
  const problems = [problemOf('OIDC_ISSUER', config.oidcIssuer), problemOf('OIDC_JWKS_URL', config.oidcJwksUrl)].filter((problem) => problem !== null);
  if (problems.length > 0) throw new ConfigError(problems);
}
