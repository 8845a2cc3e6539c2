import type { CheckpointFields, CheckpointLine } from '@passerelle/subgraph-kit/audit';
import { sealHmac, sealVerifies, type SealKeyKind, type SealKeys } from './SealKeys';

/** The HMAC-SHA256 (hex) under `sealKey` of a seal's or anchor's fields other than `hmac` (including `type`). */
export function checkpointHmac(sealKey: string, fields: CheckpointFields): string {
  return sealHmac(sealKey, fields);
}

/** Which key made a checkpoint line's `hmac` (see `sealVerifies`), or null when none did. */
export function checkpointVerifies(keys: SealKeys, line: CheckpointLine): SealKeyKind | null {
  const { hmac, ...fields } = line;
  return sealVerifies(keys, fields, hmac);
}
