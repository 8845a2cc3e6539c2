/**
 * The signing side of the gateway's contexts: private keys, for the gateway and for tests that
 * play the gateway. Never imported by a subgraph (`@passerelle/subgraph-kit/security` verifies
 * with public keys only).
 */
export { devGatewayContextKeysPath } from './devGatewayContextKeysPath';
export type { GatewayContextKeys, GatewayContextSigningKey } from './GatewayContextSigningKey';
export { readGatewayContextKeys, parseGatewayContextKeys } from './readGatewayContextKeys';
export { signGatewayContext, type GatewayContextSigning } from './signGatewayContext';
export { generateGatewayContextKey, type GatewayContextPrivateJwk } from './generateGatewayContextKey';
