import { ConfigError } from '@passerelle/subgraph-kit';
import type { GatewayConfig } from '../config';
import type { SealKeys } from './SealKeys';

/**
 * The seal keys a gateway or an audit tool uses: AUDIT_SEAL_KEY, and AUDIT_SEAL_KEYS_PREVIOUS
 * to verify what was sealed before a rotation. The one place they are put together, so the one
 * check that needs both: a previous key equal to the current one (a rotation half done, or the
 * new key pasted in both) is refused. Throws a ConfigError naming the variable, never a key.
 */
export function sealKeysOf(config: Pick<GatewayConfig, 'auditSealKey' | 'auditSealKeysPrevious'>): SealKeys {
  if (config.auditSealKeysPrevious.includes(config.auditSealKey)) {
    throw new ConfigError(['AUDIT_SEAL_KEYS_PREVIOUS: one of its keys is AUDIT_SEAL_KEY itself; list only the keys AUDIT_SEAL_KEY replaced']);
  }
  return { current: config.auditSealKey, previous: config.auditSealKeysPrevious };
}
