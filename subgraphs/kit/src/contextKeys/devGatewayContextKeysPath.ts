import path from 'node:path';

/**
 * GATEWAY_CONTEXT_KEYS's default: the development key pair committed in the kit. For
 * development and tests only: the gateway refuses it in production mode, subgraphs refuse its
 * public half (`devGatewayContextJwks`). A path, not the key: nothing on a subgraph's path reads it.
 */
export const devGatewayContextKeysPath = path.resolve(__dirname, '../../dev-keys/gateway-context-keys.DEVELOPMENT-ONLY.json');
