export { createServer, typeDefsPath } from './server';
export { carsatEnv, loadCarsatConfig, type CarsatConfig } from './config';
