import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateGatewayContextKey, type GatewayContextPrivateJwk } from '../../src/contextKeys/generateGatewayContextKey';
import { parseGatewayContextKeys } from '../../src/contextKeys/readGatewayContextKeys';
import type { GatewayContextSigningKey } from '../../src/contextKeys/GatewayContextSigningKey';

/** A fresh key pair: its private JWK, its signing key, its public JWK (no `d`). */
export function freshKey(): { jwk: GatewayContextPrivateJwk; signing: GatewayContextSigningKey; publicJwk: Omit<GatewayContextPrivateJwk, 'd'> } {
  const jwk = generateGatewayContextKey();
  const { d: _d, ...publicJwk } = jwk;
  return { jwk, signing: parseGatewayContextKeys(JSON.stringify({ keys: [jwk] })).signing, publicJwk };
}

/** A directory of its own for one test file's key files. */
export const tempDir = (prefix: string): string => mkdtempSync(path.join(tmpdir(), `passerelle-${prefix}-`));

/** Writes `value` as JSON to `file` the way a rotation should: aside, then renamed into place. */
export function replaceJson(file: string, value: unknown): void {
  const pending = `${file}.pending`;
  writeFileSync(pending, JSON.stringify(value));
  renameSync(pending, file);
}
