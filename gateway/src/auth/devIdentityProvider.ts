import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '@passerelle/subgraph-kit';
import type { JWTPayload } from 'jose';
import { devIdpEnv } from '../config';
import { loadDevSigningKey } from './loadDevSigningKey';
import { signDevToken } from './signDevToken';

export interface DevIdentityProviderOptions {
  /** PASSERELLE_MODE: the provider refuses to start in `production`. */
  mode: 'dev' | 'production';
  /** @default 4300 (DEV_IDP_PORT); 0 = any free port */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default .passerelle/dev-idp-key.json (DEV_IDP_KEY_FILE), created when absent */
  keyFile?: string;
  /** The `aud` of minted tokens. @default 'passerelle' */
  audience?: string;
}

/** A running development identity provider. */
export interface DevIdentityProvider {
  /** `http://<host>:<port>`, the `iss` of its tokens: OIDC_ISSUER must name it. */
  issuer: string;
  /** `<issuer>/jwks.json`: OIDC_JWKS_URL. */
  jwksUrl: string;
  /** Signs a token with the provider's key: the claims given (unchecked), its `iss`, `aud`, `iat` and `exp`. */
  mint(claims: JWTPayload, ttlSeconds: number): Promise<string>;
  stop(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

/**
 * Starts the development identity provider, for `npm start` and tests: an ES256 key pair kept
 * in a key file (shared with `npm run token`), served as `GET /jwks.json` (public key only) with
 * a discovery document at `GET /.well-known/openid-configuration`. It has no login: tokens come
 * from `mint` or `npm run token`. Throws a ConfigError in production mode, before anything starts.
 */
export async function startDevIdentityProvider(options: DevIdentityProviderOptions): Promise<DevIdentityProvider> {
  if (options.mode === 'production') {
    throw new ConfigError(['PASSERELLE_MODE: the development identity provider refuses to start in production mode; use the real identity provider (OIDC_ISSUER, OIDC_JWKS_URL)']);
  }
  const { port = devIdpEnv.port.default, host = '127.0.0.1', keyFile = devIdpEnv.keyFile.default, audience = 'passerelle' } = options;
  const key = await loadDevSigningKey(keyFile);
  let issuer = '';
  const server = http.createServer((req, res) => {
    const route = `${req.method} ${new URL(req.url ?? '/', 'http://idp').pathname}`;
    if (route === 'GET /jwks.json') return send(res, 200, { keys: [key.publicJwk] });
    if (route === 'GET /.well-known/openid-configuration') {
      return send(res, 200, {
        issuer,
        jwks_uri: `${issuer}/jwks.json`,
        id_token_signing_alg_values_supported: ['ES256'],
        subject_types_supported: ['public'],
        response_types_supported: [],
      });
    }
    send(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;
  issuer = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks.json`,
    mint: (claims, ttlSeconds) => signDevToken(key, claims, { issuer, audience, ttlSeconds }),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
