import { readFile, stat } from 'node:fs/promises';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWSHeaderParameters, type KeyLike } from 'jose';
import { ConfigError } from '../config/readConfig';
import type { PasserelleMode } from '../config/passerelleMode';
import { devGatewayContextJwks, devGatewayContextKid, isDevGatewayContextKey } from './devGatewayContextJwks';
import { GatewayContextError } from './GatewayContextError';
import type { GatewayContextJwks, GatewayContextKeyResolver } from './gatewayContextKey';
import { parseGatewayContextJwks } from './parseGatewayContextJwks';

export interface GatewayContextKeyResolverOptions {
  /** In `production`, the development key is refused whatever the source. @default 'dev' */
  mode?: PasserelleMode;
  /** Told when a changed JWKS file cannot be used (the keys read before stay in use); never given key material. */
  onReloadProblem?: (problem: string) => void;
  /** For a URL: the least time between two fetches for unknown kids, in ms (jose's cooldown). @default 30000 */
  remoteCooldownMs?: number;
}

type LocalSet = (protectedHeader: JWSHeaderParameters) => Promise<KeyLike>;

const localSetOf = (jwks: GatewayContextJwks): LocalSet => createLocalJWKSet(jwks as unknown as JSONWebKeySet);

export const isHttpUrl = (source: string): boolean => /^https?:\/\//i.test(source);

/**
 * The gateway's public keys from a file (GATEWAY_CONTEXT_JWKS as a path), re-read when it changes
 * so that a rotation needs no restart: its identity (inode, size, times) is checked before each
 * verification, and a `kid` the keys do not have makes it read again (a rewrite within the
 * file system's timestamp granularity keeps the same identity). A file that cannot be read or
 * parsed leaves the previous keys in use, and is reported once per distinct problem.
 */
function fileKeys(file: string, mode: PasserelleMode, report: (problem: string) => void): LocalSet {
  let keys: LocalSet | undefined;
  let seen: { identity: string; text: string } | undefined;
  let lastProblem: string | undefined;
  let loading: Promise<void> | undefined;

  const load = async (force: boolean): Promise<void> => {
    try {
      const info = await stat(file);
      const identity = `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
      if (!force && seen?.identity === identity) return;
      const text = await readFile(file, 'utf8');
      if (seen?.text === text) {
        seen = { identity, text };
        return;
      }
      seen = { identity, text };
      const jwks = parseGatewayContextJwks(text);
      if (mode === 'production' && jwks.keys.some(isDevGatewayContextKey)) throw new Error('holds the development key, refused in production');
      keys = localSetOf(jwks);
      lastProblem = undefined;
    } catch (error) {
      const problem = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
      if (problem !== lastProblem) report(`${file}: ${problem}`);
      lastProblem = problem;
    }
  };
  const refresh = (force: boolean): Promise<void> => {
    loading ??= load(force).finally(() => {
      loading = undefined;
    });
    return loading;
  };

  return async (header) => {
    await refresh(false);
    if (!keys) throw new GatewayContextError('ERR_JWKS_UNAVAILABLE');
    try {
      return await keys(header);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ERR_JWKS_NO_MATCHING_KEY') throw error;
      await refresh(true);
      return keys(header);
    }
  };
}

/**
 * The gateway's JWKS at its URL (GATEWAY_CONTEXT_JWKS as http(s)): jose fetches it on first use,
 * caches it (10 min), and fetches it again for a `kid` it does not have (at most every 30 s). jose
 * refuses a set holding private members (ERR_JWKS_INVALID); in production, the development key is refused.
 */
function remoteKeys(url: string, mode: PasserelleMode, cooldownDuration: number): LocalSet {
  const remote = createRemoteJWKSet(new URL(url), { cooldownDuration });
  return async (header) => {
    const key = await remote(header);
    const jwk = remote.jwks()?.keys.find((candidate) => candidate.kid === header.kid);
    if (mode === 'production' && (!jwk || isDevGatewayContextKey(jwk))) throw new GatewayContextError('ERR_DEV_KEY_REFUSED');
    return key;
  };
}

/**
 * Finds the gateway's public key a context names, from GATEWAY_CONTEXT_JWKS: `''` for the
 * development keys embedded in the kit (no network; refused in production), an http(s) URL of
 * the gateway's JWKS, or a JWKS file. A context without a `kid` is refused, whatever the keys.
 * Never holds a private key: sources holding one are refused.
 */
export function gatewayContextKeyResolver(source: string, options: GatewayContextKeyResolverOptions = {}): GatewayContextKeyResolver {
  const mode = options.mode ?? 'dev';
  let keys: LocalSet;
  if (source === '') {
    // Defence in depth: readConfig refuses this first (`gatewayContextEnv`).
    if (mode === 'production') throw new ConfigError(['GATEWAY_CONTEXT_JWKS: the development keys embedded in the kit are refused in production']);
    keys = localSetOf(devGatewayContextJwks);
  } else if (isHttpUrl(source)) {
    keys = remoteKeys(source, mode, options.remoteCooldownMs ?? 30_000);
  } else {
    keys = fileKeys(source, mode, options.onReloadProblem ?? (() => {}));
  }
  return async (header) => {
    // jose would otherwise try the one key that fits the algorithm: a context must say which key signed it.
    if (typeof header.kid !== 'string' || header.kid === '') throw new GatewayContextError('ERR_JWS_KID_MISSING');
    if (mode === 'production' && header.kid === devGatewayContextKid) throw new GatewayContextError('ERR_DEV_KEY_REFUSED');
    return keys(header);
  };
}
