export { createServer, typeDefsPath } from './server';
export { msaEnv, loadMsaConfig, type MsaConfig } from './config';
