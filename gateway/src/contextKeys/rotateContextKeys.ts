import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '@passerelle/subgraph-kit';
import { generateGatewayContextKey, parseGatewayContextKeys, type GatewayContextPrivateJwk } from '@passerelle/subgraph-kit/context-keys';
import { isDevGatewayContextKey } from '@passerelle/subgraph-kit/security';

/** What a rotation did: the new signing key, and the one kept after it (none for a new file). */
export interface Rotation {
  kid: string;
  previousKid: string | null;
}

/** The current private key of an existing key file, checked like GATEWAY_CONTEXT_KEYS; null when there is no file yet. */
function currentKeyOf(file: string): GatewayContextPrivateJwk | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError([`GATEWAY_CONTEXT_KEYS: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  let parsed: ReturnType<typeof parseGatewayContextKeys>;
  try {
    parsed = parseGatewayContextKeys(text);
  } catch (error) {
    // Never overwritten: a file that is not keys may be anything, and its keys may still be published.
    throw new ConfigError([`GATEWAY_CONTEXT_KEYS: ${file}: ${(error as Error).message}`]);
  }
  if (parsed.publicJwks.keys.some(isDevGatewayContextKey)) {
    throw new ConfigError([`GATEWAY_CONTEXT_KEYS: ${file} holds the development keys committed in the kit; rotate the gateway's own key file instead`]);
  }
  const { x, y, kid } = parsed.publicJwks.keys[0]!;
  const { d } = (JSON.parse(text) as { keys: Array<{ d: string }> }).keys[0]!;
  return { kid, kty: 'EC', crv: 'P-256', x, y, d, alg: 'ES256', use: 'sig' };
}

/**
 * Rolls the gateway's context keys in `file` (GATEWAY_CONTEXT_KEYS): a new ES256 key with a
 * fresh kid signs from the gateway's next start, the current one is kept after it so that
 * contexts signed just before stay verifiable, older ones are dropped. Creates the file when
 * absent. Written aside with mode 0600 then renamed into place, so the file is never seen half
 * written (subgraphs re-read JWKS files as they change). Throws a ConfigError for a file that
 * is not such keys (left untouched).
 */
export function rotateContextKeys(file: string): Rotation {
  const previous = currentKeyOf(file);
  const key = generateGatewayContextKey();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const pending = `${file}.${randomUUID()}.tmp`;
  writeFileSync(pending, `${JSON.stringify({ keys: previous ? [key, previous] : [key] }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    renameSync(pending, file);
  } catch (error) {
    rmSync(pending, { force: true });
    throw error;
  }
  return { kid: key.kid, previousKid: previous?.kid ?? null };
}
