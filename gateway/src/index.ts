export { createServer, type RunningGateway } from './server';
export { gatewayEnv, loadGatewayConfig, defaultSupergraphPath, envSubgraphUrls, type GatewayConfig } from './config';
export { PartnerDataSource, type PartnerDataSourceOptions } from './PartnerDataSource';
export { watchSupergraph, type WatchSupergraphOptions } from './watchSupergraph';
