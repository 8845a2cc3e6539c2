export { createServer, typeDefsPath } from './server';
export { accueilEnv, loadAccueilConfig, type AccueilConfig } from './config';
