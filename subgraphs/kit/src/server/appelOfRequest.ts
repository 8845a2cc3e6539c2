import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { passerelleError } from '../errors/passerelleError';
import type { ErrorCode } from '../errors/errorCodes';
import type { Logger } from '../logging/createLogger';
import type { AppelPasserelle } from '../security/appelPasserelle';
import { gatewayContextHeader } from '../security/gatewayContextKey';
import { GatewayContextError } from '../security/verifyGatewayContext';

const messages = {
  CONTEXTE_PASSERELLE_ABSENT: 'This subgraph answers only the Passerelle gateway.',
  CONTEXTE_PASSERELLE_INVALIDE: 'The gateway context is invalid or has expired.',
} as const satisfies Partial<Record<ErrorCode, string>>;

/** A registered error that Apollo Server answers with HTTP 401 when the context function throws it. */
function refusal(code: keyof typeof messages): GraphQLError {
  const { extensions } = passerelleError(code, messages[code]);
  return new GraphQLError(messages[code], { extensions: { ...extensions, http: { status: 401 } } });
}

/**
 * The verified gateway context of one request to a subgraph, or a 401 refusal: absent, or
 * refused for any reason (one message for all, nothing that helps a forger; the reason goes to
 * the logs).
 */
export async function appelOfRequest(req: IncomingMessage, verifier: { audience: string; verify: (token: string) => Promise<AppelPasserelle> }, logger: Logger): Promise<AppelPasserelle> {
  const token = req.headers[gatewayContextHeader];
  if (typeof token !== 'string' || token === '') {
    logger.warn('gateway context refused', { subgraph: verifier.audience, code: 'CONTEXTE_PASSERELLE_ABSENT' });
    throw refusal('CONTEXTE_PASSERELLE_ABSENT');
  }
  try {
    return await verifier.verify(token);
  } catch (error) {
    const reason = error instanceof GatewayContextError ? error.reason : 'ERR_UNKNOWN';
    logger.warn('gateway context refused', { subgraph: verifier.audience, code: 'CONTEXTE_PASSERELLE_INVALIDE', reason });
    throw refusal('CONTEXTE_PASSERELLE_INVALIDE');
  }
}
