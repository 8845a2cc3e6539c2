export * from './caller';
export { appelPasserelleSchema, type AppelPasserelle } from './appelPasserelle';
export {
  gatewayContextHeader,
  gatewayContextIssuer,
  gatewayContextType,
  devGatewayContextSecret,
  minGatewayContextSecretLength,
  defaultGatewayContextTtlS,
  type GatewayContextKey,
} from './gatewayContextKey';
export { signGatewayContext } from './signGatewayContext';
export { verifyGatewayContext, GatewayContextError } from './verifyGatewayContext';
export { assertGatewayContextSecret } from './assertGatewayContextSecret';
