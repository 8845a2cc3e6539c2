import { AxiosError } from 'axios';
import { BrokenCircuitError, BulkheadRejectedError, IsolatedCircuitError } from 'cockatiel';
import { GraphQLError } from 'graphql';
import { DeadlineExceededError, LegacyTimeoutError } from '../legacy/legacyFailures';
import { passerelleError } from './passerelleError';

/**
 * Turns a failure of a call to a partner's legacy system into a GraphQL error with a
 * stable code, the partner's name and its retryability. Raw axios errors (which carry
 * URLs, headers and payloads) never go further than this function. An open breaker or a full
 * bulkhead (createLegacyResilience.ts) reads like an outage: the system was not called.
 */
export function legacyErrorToGraphQL(partenaire: string, error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof LegacyTimeoutError || error instanceof DeadlineExceededError) {
    return passerelleError('PARTENAIRE_DELAI_DEPASSE', `The ${partenaire} system did not answer in time.`, { partenaire });
  }
  if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError || error instanceof BulkheadRejectedError) {
    return passerelleError('PARTENAIRE_INDISPONIBLE', `The ${partenaire} system is unavailable.`, { partenaire });
  }
  if (error instanceof AxiosError) {
    if (error.code === AxiosError.ECONNABORTED || error.code === AxiosError.ETIMEDOUT) {
      return passerelleError('PARTENAIRE_DELAI_DEPASSE', `The ${partenaire} system did not answer in time.`, { partenaire });
    }
    const status = error.response?.status;
    if (status === 401 || status === 403) {
      return passerelleError('PARTENAIRE_ACCES_REFUSE', `The ${partenaire} system refused Passerelle's credentials.`, { partenaire });
    }
    if (status === 429 || (status !== undefined && status >= 500) || status === undefined) {
      return passerelleError('PARTENAIRE_INDISPONIBLE', `The ${partenaire} system is unavailable.`, { partenaire });
    }
    return passerelleError('PARTENAIRE_REPONSE_INVALIDE', `The ${partenaire} system rejected the request (HTTP ${status}).`, {
      partenaire,
    });
  }
  return passerelleError('PARTENAIRE_INDISPONIBLE', `The ${partenaire} system is unavailable.`, { partenaire });
}
