export * from './caller';
export { appelPasserelleSchema, type AppelPasserelle } from './appelPasserelle';
export { auteurOf, auteurMax, requireAuteur } from './auteurOf';
export {
  gatewayContextHeader,
  gatewayContextIssuer,
  gatewayContextType,
  gatewayContextAlgorithm,
  gatewayContextJwksPath,
  defaultGatewayContextTtlS,
  type GatewayContextPublicJwk,
  type GatewayContextJwks,
  type GatewayContextKeyResolver,
  type GatewayContextVerifier,
} from './gatewayContextKey';
export { devGatewayContextJwks, devGatewayContextKid, isDevGatewayContextKey } from './devGatewayContextJwks';
export { jwkThumbprint } from './jwkThumbprint';
export { parseGatewayContextJwks } from './parseGatewayContextJwks';
export { gatewayContextKeyResolver, type GatewayContextKeyResolverOptions } from './gatewayContextKeyResolver';
export { verifyGatewayContext, GatewayContextError } from './verifyGatewayContext';
