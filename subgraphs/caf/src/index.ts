export { createServer, typeDefsPath } from './server';
export { cafEnv, loadCafConfig, type CafConfig } from './config';
