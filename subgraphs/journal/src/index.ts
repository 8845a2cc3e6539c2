import path from 'node:path';
import { assertAuditSinkConfig, defineSubgraph } from '@passerelle/subgraph-kit';
import { accessesForUsager } from '@passerelle/subgraph-kit/audit';
import { accessesFromPostgres, type AccessReader } from './accessesFromPostgres';
import { journalEnv } from './config';
import type { JournalContext } from './context';
import { Query } from './resolvers/Query';

/** The journal subgraph. */
export const subgraph = defineSubgraph({
  name: 'journal',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: journalEnv,
  // The journal files accesses under the usager id, whatever key it seals.
  acceptsProvisionalKeys: true,
  resolvers: { Query },
  createContext(config, logger) {
    assertAuditSinkConfig(config);
    // One reader for the server's life: the database's pool is shared, each request's answer is its caller's own.
    const accessesOf: AccessReader =
      config.auditSink === 'postgres' ? accessesFromPostgres(config.auditDatabaseUrl, logger) : async (usagerId, limit) => (await accessesForUsager(config.auditJournalPath, usagerId)).slice(0, limit);
    return (base): JournalContext => ({ ...base, accessesOf });
  },
});

export const { createServer, loadConfig: loadJournalConfig, typeDefsPath } = subgraph;
export { journalEnv, type JournalConfig } from './config';
export { accessesForUsagerSql } from './accessesFromPostgres';
