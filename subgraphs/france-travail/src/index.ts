export { createServer, typeDefsPath } from './server';
export { franceTravailEnv, loadFranceTravailConfig, type FranceTravailConfig } from './config';
