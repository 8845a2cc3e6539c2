export { createServer, typeDefsPath } from './server';
export { etatEnv, loadEtatConfig, type EtatConfig } from './config';
