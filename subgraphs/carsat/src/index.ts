import path from 'node:path';
import { defineSubgraph, legacyClientOptionsOf } from '@passerelle/subgraph-kit';
import { carsatEnv } from './config';
import type { CarsatContext } from './context';
import { createCarsatClient } from './legacy/client';
import { createLoaders } from './loaders';
import { pseudonymesCarsat } from './resolvers/pseudonymesCarsat';
import { Usager } from './resolvers/Usager';

/** The Carsat subgraph. */
export const subgraph = defineSubgraph({
  name: 'carsat',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: carsatEnv,
  resolvers: { Usager, Query: { pseudonymesCarsat } },
  createContext(config) {
    const carsat = createCarsatClient(legacyClientOptionsOf(config));
    return (base): CarsatContext => ({ ...base, loaders: createLoaders(carsat) });
  },
});

export const { createServer, loadConfig: loadCarsatConfig, typeDefsPath } = subgraph;
export { carsatEnv, type CarsatConfig } from './config';
