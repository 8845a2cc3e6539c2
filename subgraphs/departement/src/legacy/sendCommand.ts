import { createSemaphore, passerelleError } from '@passerelle/subgraph-kit';

/** How the subgraph reaches the Département's command endpoints. */
export interface CommandSenderConfig {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxConcurrency: number;
}

/** What the system answered to a command: any status the caller must interpret, the parsed body, and whether it was a replay. */
export interface CommandAnswer {
  status: number;
  body: unknown;
  rejeu: boolean;
}

const partenaire = 'departement';

/**
 * POSTs one command with its `Idempotency-Key`. The kit's legacy client neither sends per-call
 * headers nor hands back a 404/409 body, which the commands need (their refusal codes), so this
 * uses fetch and maps transport failures the way the kit does: no URL, payload or NIR in errors.
 */
export function createCommandSender(config: CommandSenderConfig): (path: string, body: unknown, cle: string | null) => Promise<CommandAnswer> {
  const semaphore = createSemaphore(config.maxConcurrency);
  return (path, body, cle) =>
    semaphore.run(async () => {
      let response: Response;
      try {
        response = await fetch(`${config.baseUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'X-Cd12-Cle': config.apiKey, ...(cle === null ? {} : { 'Idempotency-Key': cle }) },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(config.timeoutMs),
          // A redirect to another host would leak the API key.
          redirect: 'error',
        });
      } catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError') throw passerelleError('PARTENAIRE_DELAI_DEPASSE', 'The departement system did not answer in time.', { partenaire });
        throw passerelleError('PARTENAIRE_INDISPONIBLE', 'The departement system is unavailable.', { partenaire });
      }
      if (response.status === 401 || response.status === 403) throw passerelleError('PARTENAIRE_ACCES_REFUSE', "The departement system refused Passerelle's credentials.", { partenaire });
      if (response.status === 429 || response.status >= 500) throw passerelleError('PARTENAIRE_INDISPONIBLE', 'The departement system is unavailable.', { partenaire });
      let parsed: unknown;
      try {
        parsed = await response.json();
      } catch {
        throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', 'The departement system answered with an unexpected payload (not JSON).', { partenaire });
      }
      return { status: response.status, body: parsed, rejeu: response.headers.get('X-Rejeu') === 'O' };
    });
}
