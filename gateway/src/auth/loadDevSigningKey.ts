import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

/** The development identity provider's ES256 key, shared through its key file by the IdP and `npm run token`. */
export interface DevSigningKey {
  /** The key id (its RFC 7638 thumbprint), in the JWKS and in every token's header. */
  kid: string;
  privateKey: KeyLike;
  /** The public half only, as the JWKS serves it. */
  publicJwk: JWK;
}

function isEs256PrivateJwk(value: unknown): value is JWK & { kid: string; x: string; y: string; d: string } {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return jwk.kty === 'EC' && jwk.crv === 'P-256' && ['kid', 'x', 'y', 'd'].every((field) => typeof jwk[field] === 'string');
}

async function createKeyFile(keyFile: string): Promise<void> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
  await mkdir(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  // Written aside then linked into place: the file appears whole, and when the IdP and the CLI
  // race to create it, the first one wins and the other reads the winner's key.
  const pending = `${keyFile}.${randomUUID()}.tmp`;
  await writeFile(pending, `${JSON.stringify({ ...jwk, kid, alg: 'ES256', use: 'sig' }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(pending, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(pending);
  }
}

/**
 * Reads the development ES256 key pair from `keyFile`, creating it first when absent (the file
 * with mode 0600, its directory if needed). A file that is not such a key is an error naming the
 * file, never quoting it.
 */
export async function loadDevSigningKey(keyFile: string): Promise<DevSigningKey> {
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await createKeyFile(keyFile);
    text = await readFile(keyFile, 'utf8');
  }
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    jwk = null;
  }
  if (!isEs256PrivateJwk(jwk)) throw new Error(`${keyFile} is not an ES256 private key (JWK) of the development identity provider: delete it to create a new one`);
  const { kid, kty, crv, x, y } = jwk;
  return {
    kid,
    privateKey: (await importJWK({ ...jwk, alg: 'ES256' }, 'ES256')) as KeyLike,
    publicJwk: { kty, crv, x, y, kid, alg: 'ES256', use: 'sig' },
  };
}
