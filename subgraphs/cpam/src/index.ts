export { createServer, typeDefsPath } from './server';
export { cpamEnv, loadCpamConfig, type CpamConfig } from './config';
