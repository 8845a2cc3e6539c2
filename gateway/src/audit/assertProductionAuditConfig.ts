import { ConfigError } from '@passerelle/subgraph-kit';
import { devAuditSealKey, type GatewayConfig } from '../config';

/**
 * Refuses, in production mode, the development AUDIT_SEAL_KEY, current or among
 * AUDIT_SEAL_KEYS_PREVIOUS: it is in this repository, so anyone could re-seal a rewritten journal
 * with it, and a previous key still makes seals verify. Throws a ConfigError naming the variables.
 */
export function assertProductionAuditConfig(config: Pick<GatewayConfig, 'mode' | 'auditSealKey' | 'auditSealKeysPrevious'>): void {
  if (config.mode !== 'production') return;
  const problems = [
    ...(config.auditSealKey === devAuditSealKey ? ['AUDIT_SEAL_KEY: the development default is refused in production; set a secret of at least 32 random characters'] : []),
    ...(config.auditSealKeysPrevious.includes(devAuditSealKey)
      ? ["AUDIT_SEAL_KEYS_PREVIOUS: AUDIT_SEAL_KEY's development default is refused in production; a journal it sealed is no evidence: start a new one"]
      : []),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
}
