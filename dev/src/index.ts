export { startFederation, type RunningFederation, type FederationOptions } from './startFederation';
export { subgraphServices, everyPortFree, type SubgraphService } from './federationServices';
export { configTable, configTables, subgraphConfigTable, sharedEnvSpecs, withTable, configTableMarkers } from './configTable';
export { subgraphReadme } from './subgraphReadme';
