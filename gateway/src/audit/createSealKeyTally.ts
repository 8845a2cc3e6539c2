import type { SealKeyCounts, SealKeyKind } from './SealKeys';

/** Counts a chain's checkpoints by key, and keeps its seals in the order keys are rotated. */
export interface SealKeyTally {
  readonly sealedWith: SealKeyCounts;
  /** A seal whose HMAC verified under `key`: counted and null, or the problem's detail. */
  seal(key: SealKeyKind, numero: number): string | null;
  /** An anchor whose HMAC verified: counted. A purge makes it at any time, with the key current then. */
  anchor(key: SealKeyKind): void;
}

/**
 * A chain is sealed under a previous key, then under the current one, never back: a key is
 * rotated because it may have leaked, and whoever holds it must not be able to forge seals after
 * the first seal the current key made (only the history sealed before it stays theirs to
 * rewrite, and rewriting it breaks the links the current key's seals vouch for).
 */
export function createSealKeyTally(): SealKeyTally {
  const sealedWith: SealKeyCounts = { current: 0, previous: 0 };
  let firstCurrent: number | null = null;
  return {
    sealedWith,
    seal(key, numero) {
      if (key === 'previous' && firstCurrent !== null) {
        return `seal no ${numero}: made with a previous seal key after seal no ${firstCurrent} was made with the current one (a replaced key seals nothing new)`;
      }
      if (key === 'current') firstCurrent ??= numero;
      sealedWith[key] += 1;
      return null;
    },
    anchor(key) {
      sealedWith[key] += 1;
    },
  };
}
