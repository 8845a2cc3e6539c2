import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '@passerelle/subgraph-kit/audit';

/** Shortest seal key accepted (AUDIT_SEAL_KEY, and each of AUDIT_SEAL_KEYS_PREVIOUS). */
export const minAuditSealKeyLength = 32;

/**
 * The keys of the audit journal's seals and anchors: `current` (AUDIT_SEAL_KEY) makes every new
 * one; a seal or anchor verifies if its HMAC is the one `current` or any of `previous`
 * (AUDIT_SEAL_KEYS_PREVIOUS, the keys it replaced) gives its fields, so that a key can be
 * rotated without the history sealed before failing verification (docs/operations.md, "Keys
 * and their rotation"). Passed whole wherever a seal is checked, so that no check can forget
 * the previous keys.
 */
export interface SealKeys {
  readonly current: string;
  readonly previous: readonly string[];
}

/** Which of the keys made a seal or anchor. */
export type SealKeyKind = 'current' | 'previous';

/** Seals and anchors whose HMAC verified, by the key that made them. */
export interface SealKeyCounts {
  current: number;
  previous: number;
}

/** A bare key is the current one, with no previous key (the callers that never rotated, and the tests). */
export function toSealKeys(keys: string | SealKeys): SealKeys {
  return typeof keys === 'string' ? { current: keys, previous: [] } : keys;
}

/** The HMAC-SHA256 (hex) under `key` of a checkpoint's fields other than `hmac` (canonical JSON). */
export function sealHmac(key: string, fields: object): string {
  return createHmac('sha256', key).update(canonicalJson(fields), 'utf8').digest('hex');
}

/**
 * Which key made `hmac` over `fields`: `current`, `previous` (any of them), or null when none did.
 * Every key is tried and compared in constant time, whatever matched first.
 */
export function sealVerifies(keys: SealKeys, fields: object, hmac: string): SealKeyKind | null {
  const given = Buffer.from(hmac, 'hex');
  let found: SealKeyKind | null = null;
  const all = [keys.current, ...keys.previous];
  for (let index = 0; index < all.length; index += 1) {
    const expected = Buffer.from(sealHmac(all[index]!, fields), 'hex');
    const matches = given.length === expected.length && timingSafeEqual(given, expected);
    if (matches && found === null) found = index === 0 ? 'current' : 'previous';
  }
  return found;
}
