import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson, type CheckpointFields, type CheckpointLine } from '@passerelle/subgraph-kit/audit';

/** The HMAC-SHA256 (hex) under `sealKey` of a seal's or anchor's fields other than `hmac` (including `type`). */
export function checkpointHmac(sealKey: string, fields: CheckpointFields): string {
  return createHmac('sha256', sealKey).update(canonicalJson(fields), 'utf8').digest('hex');
}

/** Whether a checkpoint line's `hmac` is the one `sealKey` gives its other fields (constant-time comparison). */
export function checkpointVerifies(sealKey: string, line: CheckpointLine): boolean {
  const { hmac, ...fields } = line;
  const expected = Buffer.from(checkpointHmac(sealKey, fields), 'hex');
  const given = Buffer.from(hmac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
