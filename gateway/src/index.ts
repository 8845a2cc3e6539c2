export { createServer, type RunningGateway } from './server';
export { gatewayEnv, loadGatewayConfig, defaultSupergraphPath, envSubgraphUrls, type GatewayConfig } from './config';
export { PartnerDataSource, type PartnerDataSourceOptions } from './PartnerDataSource';
export { watchSupergraph, type WatchSupergraphOptions } from './watchSupergraph';
export { operationLimitRules, tokenLimitRefusal, type OperationLimits } from './limits';
export { trustedDocumentsModeOf, type PersistedOperationsManifest } from './trustedDocuments';
export * from './audit/index';
export { devIdpEnv, devIdpIssuer, devIdpJwksUrl, loadDevIdpConfig, type DevIdpConfig } from './config';
export * from './auth/index';
