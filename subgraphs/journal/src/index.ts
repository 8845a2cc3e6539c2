import path from 'node:path';
import { defineSubgraph } from '@passerelle/subgraph-kit';
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
  createContext(config) {
    return (base): JournalContext => ({ ...base, auditJournalPath: config.auditJournalPath });
  },
});

export const { createServer, loadConfig: loadJournalConfig, typeDefsPath } = subgraph;
export { journalEnv, type JournalConfig } from './config';
