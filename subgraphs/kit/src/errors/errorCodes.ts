/**
 * The one registry of error codes Passerelle returns in `extensions.code`.
 * Clients branch on these codes, never on message text. Each code is defined once,
 * with what it means and whether retrying the same request may succeed.
 */
export const errorCodes = {
  NIR_INVALIDE: {
    meaning: 'The NIR given is malformed (format) or its control key is wrong.',
    retryable: false,
  },
  IDENTIFIANT_USAGER_INVALIDE: {
    meaning: 'The usager id is not one Passerelle issued (malformed or forged).',
    retryable: false,
  },
  ARGUMENT_INVALIDE: {
    meaning: 'An argument is outside what the field accepts (format, range or size).',
    retryable: false,
  },
  PARTENAIRE_INDISPONIBLE: {
    meaning: "A partner's system or subgraph could not be reached or answered with a server error.",
    retryable: true,
  },
  PARTENAIRE_DELAI_DEPASSE: {
    meaning: "A partner's system did not answer within the configured timeout.",
    retryable: true,
  },
  PARTENAIRE_ACCES_REFUSE: {
    meaning: "A partner's system refused Passerelle's credentials (API key or contract): a configuration problem.",
    retryable: false,
  },
  PARTENAIRE_REPONSE_INVALIDE: {
    meaning: "A partner's system answered with a payload that does not follow its documented format.",
    retryable: false,
  },
  USAGER_INCONNU: {
    meaning: 'The partner holds no file for this usager, so the change asked for cannot be made there.',
    retryable: false,
  },
  OBJET_INTROUVABLE: {
    meaning: 'Something the request names (a référent, an objective, an action, an appointment) does not exist, or not for this usager (`extensions.argument` names it).',
    retryable: false,
  },
  TRANSITION_INVALIDE: {
    meaning: "The change is not allowed from the current state (e.g. closing an action already done, lifting an objection that is not active); nothing was changed.",
    retryable: false,
  },
  REFERENT_DEJA_ACTIF: {
    meaning: 'The usager already has an active référent de parcours: change the référent rather than designate a second one.',
    retryable: false,
  },
  CONFLIT_IDEMPOTENCE: {
    meaning: 'The idempotency key was already used for a different request; nothing was changed.',
    retryable: false,
  },
  ERREUR_INTERNE: {
    meaning: 'An unexpected error; details are in the server logs under the request id, never in the response.',
    retryable: false,
  },
} as const satisfies Record<string, { meaning: string; retryable: boolean }>;

/** A stable error code from the registry. */
export type ErrorCode = keyof typeof errorCodes;

/** True when `code` is one of Passerelle's own registered codes. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(errorCodes, code);
}
