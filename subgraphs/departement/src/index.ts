export { createServer, typeDefsPath } from './server';
export { departementEnv, loadDepartementConfig, type DepartementConfig } from './config';
