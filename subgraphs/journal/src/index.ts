export { createServer, typeDefsPath } from './server';
export { journalEnv, loadJournalConfig, type JournalConfig } from './config';
