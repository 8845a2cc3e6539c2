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
    meaning:
      "A partner's system or subgraph could not be reached or answered with a server error, after retries for a read; or the system's circuit breaker is open or its queue full, and it was not called.",
    retryable: true,
  },
  PARTENAIRE_DELAI_DEPASSE: {
    meaning: "A partner's system did not answer within the configured timeout (each attempt) or the request's deadline (set by the gateway).",
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
    meaning: 'The change is not allowed from the current state (e.g. closing an action already done, lifting an objection that is not active); nothing was changed.',
    retryable: false,
  },
  REFERENT_DEJA_ACTIF: {
    meaning: 'The usager already has an active référent de parcours: change the référent rather than designate a second one.',
    retryable: false,
  },
  EVENEMENT_COMPLET: {
    meaning: 'The event has no free seat left; nothing was recorded. A cancellation may free one later: choose another event or try again another day.',
    retryable: false,
  },
  CONFLIT_IDEMPOTENCE: {
    meaning: 'The idempotency key was already used for a different request; nothing was changed.',
    retryable: false,
  },
  IDENTITE_RAPPROCHEE: {
    meaning: 'This provisional identity was reconciled with a registered person: use the certified usager, whose id is in `extensions.usagerId`; nothing remains under the provisional id.',
    retryable: false,
  },
  IDENTITE_INCOMPATIBLE: {
    meaning:
      'The identity register holds, under this NIR, an identity that does not match the one declared at reception (name, first name, sex, date or place of birth): not reconciled, nothing changed.',
    retryable: false,
  },
  IDENTITE_DEJA_CERTIFIEE: {
    meaning: 'The identity register already knows this person with certainty: no provisional identity is created; use the registered usager, whose id is in `extensions.usagerId`.',
    retryable: false,
  },
  CONTEXTE_PASSERELLE_ABSENT: {
    meaning: "A partner's subgraph was called without the context the gateway signs (HTTP 401): subgraphs answer only the gateway.",
    retryable: false,
  },
  CONTEXTE_PASSERELLE_INVALIDE: {
    meaning: "A partner's subgraph refused the context the gateway signed (HTTP 401): expired, not signed with a key the gateway publishes, or signed for another subgraph.",
    retryable: false,
  },
  FINALITE_MANQUANTE: {
    meaning: 'An authenticated operation declared no purpose (header `x-passerelle-finalite` or extension `finalite`).',
    retryable: false,
  },
  FINALITE_INVALIDE: {
    meaning: 'The purpose declared is not in the closed list, or is declared twice differently.',
    retryable: false,
  },
  FINALITE_NON_AUTORISEE: {
    meaning: "None of the caller's roles allows the purpose declared (e.g. `controle` for a référent).",
    retryable: false,
  },
  OPPOSITION_PARTAGE: {
    meaning: "The usager objected to this partner's data being shared (`extensions.partenaire`); it is withheld from everyone but the usager and that partner's own agents.",
    retryable: false,
  },
  OPERATION_TROP_COMPLEXE: {
    meaning:
      "The operation exceeds one of the gateway's limits (depth, aliases, directives, tokens or cost); the message names which one, never the limit nor the value measured. Simplify or split it; nothing was executed.",
    retryable: false,
  },
  REQUETE_TROP_VOLUMINEUSE: {
    meaning: 'The HTTP request body is larger than the server accepts (HTTP 413); nothing was parsed or executed.',
    retryable: false,
  },
  DOCUMENT_INCONNU: {
    meaning: "The persisted operation named by `extensions.persistedQuery.sha256Hash` is not in the gateway's manifest, or the document sent with it does not match that hash.",
    retryable: false,
  },
  OPERATION_NON_PERSISTEE: {
    meaning: 'Only persisted operations run here (send `extensions.persistedQuery.sha256Hash`); ad-hoc documents are reserved to the roles in TRUSTED_DOCUMENTS_AD_HOC_ROLES.',
    retryable: false,
  },
  JETON_INVALIDE: {
    meaning:
      'The access token (`Authorization: Bearer`) is refused (HTTP 401): malformed header, expired, not yet valid, another issuer or audience, an algorithm not allowed, a bad signature or unknown key, or claims incomplete for its roles. Get a new token.',
    retryable: false,
  },
  AUTHENTIFICATION_INDISPONIBLE: {
    meaning: "The identity provider's keys (JWKS) could not be fetched, so no token can be checked (HTTP 503); nothing was executed.",
    retryable: true,
  },
  NON_AUTHENTIFIE: {
    meaning: 'The field requires an identified caller and the request carried no access token; it was removed from the operation (null, with this error at its path), the rest was answered.',
    retryable: false,
  },
  ACCES_REFUSE: {
    meaning: "The caller's roles, partner or purpose do not allow reading this field (or this usager); it was removed from the operation (null, with this error at its path), the rest was answered.",
    retryable: false,
  },
  RESERVE_AUX_ANALYSTES: {
    meaning:
      "The analysts' endpoint (`/analystes/graphql`) answers only a caller with the role `analyste` declaring the purpose `statistique` (HTTP 401 without a token, 403 otherwise); nothing was parsed or executed.",
    retryable: false,
  },
  CROISEMENT_TROP_VOLUMINEUX: {
    meaning:
      'A crossing\'s criterion selects more people at a partner (`extensions.partenaire`) than the bound of pseudonyms per partner (docs/statistics.md, "Crossings"): the crossing is refused, nothing is counted.',
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
