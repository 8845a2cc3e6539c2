export { checkNir, computeNirKey, buildNir, normalizeNir, type NirCheck, type NirProblem } from './nir';
export { createUsagerIdCodec, type UsagerIdCodec } from './usagerIdCodec';
export { normalizeName, nameTokens, similarity } from './normalizeName';
export { matchIdentity, type IdentityForMatching, type CritereRapprochement, type MatchScore } from './matchIdentity';
export { decideMatch, matchThresholds, type MatchDecision, type StatutRapprochement } from './decideMatch';
export { identitePivotSchema, hasCompleteBirthDate, libellesCriteres, usagerParNirEtNaissanceSchema, usagerParPivotSchema, type IdentitePivot, type UsagerParNirEtNaissance } from './identitePivot';
export { resolveReference } from './resolveReference';
export { provisionalKeyPattern, isProvisionalKey } from './provisionalKey';
