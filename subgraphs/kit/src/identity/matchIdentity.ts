import { nameTokens, normalizeName, similarity } from './normalizeName';

/** An identity as one side knows it, reduced to what matching uses. */
export interface IdentityForMatching {
  /** Birth name first, then usage name(s) if any. */
  noms: string[];
  /** All first names, in order. */
  prenoms: string[];
  sexe?: 'F' | 'M' | null;
  /** `YYYY-MM-DD`, or partial: `YYYY-MM`, `YYYY`. */
  dateNaissance: string;
  /** INSEE commune code, or `99xxx` country code; null when unknown. */
  codeLieuNaissance?: string | null;
}

/** What contributed to a match, for the explanation shown to agents. */
export type CritereRapprochement =
  | 'NOM_IDENTIQUE'
  | 'NOM_USAGE'
  | 'NOM_COMPOSE_PARTIEL'
  | 'NOM_APPROCHANT'
  | 'PRENOM_IDENTIQUE'
  | 'PRENOM_SECONDAIRE'
  | 'PRENOM_APPROCHANT'
  | 'DATE_NAISSANCE_IDENTIQUE'
  | 'DATE_NAISSANCE_PARTIELLE'
  | 'LIEU_NAISSANCE_IDENTIQUE'
  | 'LIEU_NAISSANCE_NON_COMPARE';

export interface MatchScore {
  /** Confidence in [0, 1]; 0 means incompatible. */
  score: number;
  criteres: CritereRapprochement[];
}

const none: MatchScore = { score: 0, criteres: [] };

function compareDates(a: string, b: string): 'same' | 'compatible' | 'different' {
  if (a === b) return 'same';
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return longer.startsWith(shorter) ? 'compatible' : 'different';
}

function compareNames(a: string[], b: string[]): { score: number; critere?: CritereRapprochement } {
  let best: { score: number; critere?: CritereRapprochement } = { score: 0 };
  a.forEach((nameA, indexA) =>
    b.forEach((nameB, indexB) => {
      const usage = indexA > 0 || indexB > 0;
      const [na, nb] = [normalizeName(nameA), normalizeName(nameB)];
      const [ta, tb] = [nameTokens(nameA), nameTokens(nameB)];
      let candidate: { score: number; critere?: CritereRapprochement } = { score: 0 };
      if (na === nb) candidate = { score: usage ? 0.97 : 1, critere: usage ? 'NOM_USAGE' : 'NOM_IDENTIQUE' };
      else if (ta.length !== tb.length && (ta.every((t) => tb.includes(t)) || tb.every((t) => ta.includes(t)))) candidate = { score: 0.9, critere: 'NOM_COMPOSE_PARTIEL' };
      else if (similarity(na, nb) >= 0.8) candidate = { score: 0.85 * similarity(na, nb), critere: 'NOM_APPROCHANT' };
      if (candidate.score > best.score) best = candidate;
    }),
  );
  return best;
}

function compareFirstNames(a: string[], b: string[]): { score: number; critere?: CritereRapprochement } {
  const ta = a.flatMap(nameTokens);
  const tb = b.flatMap(nameTokens);
  if (ta.length === 0 || tb.length === 0) return { score: 0 };
  if (ta[0] === tb[0]) return { score: 1, critere: 'PRENOM_IDENTIQUE' };
  if (ta.some((t) => tb.includes(t))) return { score: 0.85, critere: 'PRENOM_SECONDAIRE' };
  const sim = similarity(ta[0] ?? '', tb[0] ?? '');
  return sim >= 0.8 ? { score: 0.85 * sim, critere: 'PRENOM_APPROCHANT' } : { score: 0 };
}

/**
 * Scores how likely two identities are the same person. Normalises case, accents,
 * hyphens and apostrophes, accepts usage vs birth names, compound names recorded in part,
 * secondary first names and partial dates of birth; a different sex, date or birth place
 * (when both sides know it) rules the pair out.
 */
export function matchIdentity(a: IdentityForMatching, b: IdentityForMatching): MatchScore {
  const date = compareDates(a.dateNaissance, b.dateNaissance);
  if (date === 'different') return none;
  if (a.sexe && b.sexe && a.sexe !== b.sexe) return none;
  const placeKnown = Boolean(a.codeLieuNaissance && b.codeLieuNaissance);
  if (placeKnown && a.codeLieuNaissance !== b.codeLieuNaissance) return none;
  const name = compareNames(a.noms, b.noms);
  const first = compareFirstNames(a.prenoms, b.prenoms);
  if (name.score === 0 || first.score === 0 || !name.critere || !first.critere) return none;

  const dateScore = date === 'same' ? 1 : 0.7;
  const score = Math.min(1, 0.45 * name.score + 0.35 * first.score + 0.2 * dateScore);
  return {
    score: Math.round(score * 1000) / 1000,
    criteres: [name.critere, first.critere, date === 'same' ? 'DATE_NAISSANCE_IDENTIQUE' : 'DATE_NAISSANCE_PARTIELLE', placeKnown ? 'LIEU_NAISSANCE_IDENTIQUE' : 'LIEU_NAISSANCE_NON_COMPARE'],
  };
}
