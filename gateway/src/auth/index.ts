export { createAuthenticator, type Authenticator, type AuthenticatorOptions, type IdentityConfig } from './createAuthenticator';
export { callerFromClaims, ClaimsError, referentIdPattern, usagerIdPattern } from './callerFromClaims';
export { invalidTokenError, authenticationUnavailableError, type TokenProblem } from './authenticationError';
export { assertProductionIdentityConfig } from './assertProductionIdentityConfig';
export { startDevIdentityProvider, type DevIdentityProvider, type DevIdentityProviderOptions } from './devIdentityProvider';
export { loadDevSigningKey, type DevSigningKey } from './loadDevSigningKey';
export { signDevToken, type DevTokenOptions } from './signDevToken';
export { asymmetricJwtAlgorithms, defaultJwtAlgorithms, envJwtAlgorithms, type JwtAlgorithm } from './envJwtAlgorithms';
