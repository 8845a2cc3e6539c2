import { ConfigError } from '@passerelle/subgraph-kit';
import { devAuditSealKey, type GatewayConfig } from '../config';

/**
 * Refuses, in production mode, the development AUDIT_SEAL_KEY: it is in this repository, so
 * anyone could re-seal a rewritten journal with it. Throws a ConfigError naming the variable.
 */
export function assertProductionAuditConfig(config: Pick<GatewayConfig, 'mode' | 'auditSealKey'>): void {
  if (config.mode === 'production' && config.auditSealKey === devAuditSealKey) {
    throw new ConfigError(['AUDIT_SEAL_KEY: the development default is refused in production; set a secret of at least 32 random characters']);
  }
}
