import { readConfigOrExit } from '@passerelle/subgraph-kit';
import { journalEnv } from './config';
import { createServer } from './server';

const config = readConfigOrExit(journalEnv);
void createServer(config).then((server) => {
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
