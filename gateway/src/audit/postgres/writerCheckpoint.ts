import { createHash } from 'node:crypto';
import { canonicalJson } from '@passerelle/subgraph-kit/audit';
import { sealHmac, sealVerifies, type SealKeyKind, type SealKeys } from '../SealKeys';

/** A seal of one writer's chain: what its HMAC covers (the writer included, so a seal cannot be moved to another chain). */
export interface WriterSealFields {
  type: 'sceau';
  writer: string;
  /** seq of the last record sealed. */
  seq: number;
  /** hash of that record. */
  hash: string;
  time: string;
  /** 1 for the writer's first seal, then +1 per seal. */
  numero: number;
}

/** What stands for a writer's purged prefix, sealed like a seal. */
export interface WriterAnchorFields {
  type: 'ancre';
  writer: string;
  /** seq and hash of the last record removed: the first record kept links to it. */
  seq: number;
  hash: string;
  time: string;
  /** Records removed by the purges so far. */
  purges: number;
  /** numero of the last seal removed: the next seal has numero + 1. */
  numero: number;
}

export type WriterCheckpointFields = WriterSealFields | WriterAnchorFields;

/** HMAC-SHA256 (hex) under the seal key of a writer's checkpoint (gateway/src/audit/checkpointHmac.ts, with the writer). */
export function writerCheckpointHmac(sealKey: string, fields: WriterCheckpointFields): string {
  return sealHmac(sealKey, fields);
}

/** Which key made `hmac` over these fields (see `sealVerifies`), or null when none did. */
export function writerCheckpointVerifies(keys: SealKeys, fields: WriterCheckpointFields, hmac: string): SealKeyKind | null {
  return sealVerifies(keys, fields, hmac);
}

/**
 * prevHash of a writer's first record: sha256 of the writer id, so that each chain starts from
 * its own origin and a chain's records cannot pass for another writer's.
 */
export function writerGenesisHash(writer: string): string {
  return createHash('sha256')
    .update(canonicalJson({ type: 'genese', writer }), 'utf8')
    .digest('hex');
}

/**
 * The advisory lock key (bigint, as text) a writer holds for as long as it writes: two processes
 * given the same AUDIT_WRITER_ID would fork its chain. The first 8 bytes of a sha256.
 */
export function writerLockKey(writer: string): string {
  return createHash('sha256').update(`passerelle-audit-writer:${writer}`, 'utf8').digest().readBigInt64BE(0).toString();
}
