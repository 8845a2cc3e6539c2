import { createHash } from 'node:crypto';
import { canonicalJson } from '@passerelle/subgraph-kit/audit';

/** A record's hash: sha256(prevHash + canonical JSON of {seq, record}), hex. */
export function chainHash(prevHash: string, seq: number, record: unknown): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalJson({ seq, record }), 'utf8').digest('hex');
}
