export { createServer, typeDefsPath } from './server';
export { bailleursEnv, loadBailleursConfig, type BailleursConfig } from './config';
