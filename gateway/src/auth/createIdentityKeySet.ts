import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { silentLogger, type Logger } from '@passerelle/subgraph-kit';

/** The identity provider's public keys, as authentication uses them and readiness (`GET /ready`) watches them. */
export interface IdentityKeySet {
  /** What `createAuthenticator` verifies tokens with (its `jwks` option). */
  getKey: JWTVerifyGetKey;
  /**
   * True once a key set has been fetched from OIDC_JWKS_URL at least once. While false, a fetch is
   * started (one at a time) and false is returned: a probe never waits on the identity provider.
   */
  fetched(): boolean;
}

/** jose's remote key set, reduced to what this module reads (jose 5: `createRemoteJWKSet(url).reload()` / `.jwks()`). */
export interface RemoteKeySet {
  (...args: Parameters<JWTVerifyGetKey>): ReturnType<JWTVerifyGetKey>;
  reload(): Promise<void>;
  jwks(): unknown;
}

/**
 * Wraps the identity provider's remote JWKS (fetched on demand and cached by jose) so that the
 * gateway asks for it at start-up instead of on the first token, and can say whether it ever
 * got it: a gateway that has never seen the provider's keys would answer every authenticated
 * request AUTHENTIFICATION_INDISPONIBLE, so it is not ready (gateway/src/readyRoute.ts). Once
 * fetched, a later outage of the provider does not make it unready: jose keeps the keys it has.
 */
export function createIdentityKeySet(jwksUrl: string, options: { logger?: Logger; remote?: RemoteKeySet } = {}): IdentityKeySet {
  const logger = options.logger ?? silentLogger;
  const remote: RemoteKeySet = options.remote ?? createRemoteJWKSet(new URL(jwksUrl));
  let fetching: Promise<void> | null = null;
  const fetchNow = (): void => {
    if (fetching !== null) return;
    fetching = remote.reload().then(
      () => {
        fetching = null;
      },
      (error: unknown) => {
        fetching = null;
        // The error's class only: the URL is in the configuration, and a message may echo it.
        logger.warn('identity provider keys unavailable', { reason: error instanceof Error ? error.name : typeof error });
      },
    );
  };
  fetchNow();
  return {
    getKey: (header, token) => remote(header, token),
    fetched() {
      if (remote.jwks() !== undefined) return true;
      fetchNow();
      return false;
    },
  };
}
