export { createServer, typeDefsPath } from './server';
export { identiteEnv, loadIdentiteConfig, type IdentiteConfig } from './config';
