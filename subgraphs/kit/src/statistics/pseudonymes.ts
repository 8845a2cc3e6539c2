import { createHmac } from 'node:crypto';
import { passerelleError } from '../errors/passerelleError';
import { normalizeName } from '../identity/normalizeName';
import type { AppelPasserelle } from '../security/appelPasserelle';
import { activeRoles } from '../security/caller';
import { lireMois } from './lireMois';

/**
 * The most pseudonyms a partner returns for one criterion (docs/statistics.md, "Crossings"): a
 * crossing counts a population, it never ships a register. Ten times the territory's largest
 * criterion on the synthetic population; above it the partner refuses (CROISEMENT_TROP_VOLUMINEUX)
 * and the gateway, which checks it too, fails the crossing rather than count part of it.
 */
export const maxPseudonymes = 50_000;

/** The per-query key: 32 random bytes drawn by the gateway, sent as base64url (43 characters, no padding). */
const cleBase64Url = /^[A-Za-z0-9_-]{43}$/;

/** How the two sides of a crossing recognise the same person (the schema's `JointurePseudonymes`). */
export type JointurePseudonymes = 'NIR' | 'IDENTITE_PIVOT';

/** A person as a partner's system knows them, for a crossing. */
export interface PersonneJointure {
  nir: string | null;
  /** Birth name, then the usage name when the system holds one: landlords may have typed either. */
  noms: readonly string[];
  /** The first first name. */
  prenom: string;
  /** `YYYY-MM-DD`. */
  dateNaissance: string;
}

/** Reads the gateway's per-query key; ARGUMENT_INVALIDE (`cle`) when it is not 32 bytes in base64url. */
export function lireClePseudonymes(raw: unknown, partenaire: string): Buffer {
  if (typeof raw !== 'string' || !cleBase64Url.test(raw)) throw passerelleError('ARGUMENT_INVALIDE', 'cle must be 32 bytes in base64url (43 characters).', { partenaire, argument: 'cle' });
  return Buffer.from(raw, 'base64url');
}

/**
 * Only the gateway, for an analyst whose purpose is `statistique`, asks for pseudonyms: the field
 * is @inaccessible (no client can select it) and this checks the signed context as well.
 */
export function exigerAnalyste(appel: AppelPasserelle, partenaire: string): void {
  if (appel.caller === null) throw passerelleError('NON_AUTHENTIFIE', 'A crossing needs an identified analyst.', { partenaire });
  if (appel.finalite === null || !activeRoles(appel.caller, appel.finalite).includes('analyste')) {
    throw passerelleError('ACCES_REFUSE', 'Only an analyst, for the purpose statistique, runs a crossing.', { partenaire });
  }
}

/**
 * The join keys of one person: the NIR, or the normalised pivot identity (birth name or usage
 * name, first first name, birth date: kit identity/normalizeName.ts) — one per name the system
 * holds, since the landlords' agents typed one or the other (mocks/src/population/deriveSocialHousing.ts).
 */
export function clesJointure(personne: PersonneJointure, jointure: JointurePseudonymes): string[] {
  if (jointure === 'NIR') return personne.nir === null ? [] : [`NIR|${personne.nir}`];
  const prenom = normalizeName(personne.prenom);
  const noms = [...new Set(personne.noms.map(normalizeName).filter((n) => n !== ''))];
  return noms.map((nom) => `PIVOT|${nom}|${prenom}|${personne.dateNaissance}`);
}

/** HMAC-SHA-256 of a join key under the per-query key, base64url: the only thing that leaves the partner. */
export function pseudonyme(cle: Buffer, cleJointure: string): string {
  return createHmac('sha256', cle).update(cleJointure, 'utf8').digest('base64url');
}

/**
 * The pseudonyms of the people a criterion selects, deduplicated and sorted (the order tells
 * nothing about the system's own order). Refuses above `maxPseudonymes`.
 */
export function pseudonymesDe(personnes: readonly PersonneJointure[], jointure: JointurePseudonymes, cle: Buffer, partenaire: string): string[] {
  const set = new Set(personnes.flatMap((p) => clesJointure(p, jointure)).map((k) => pseudonyme(cle, k)));
  if (set.size > maxPseudonymes) throw passerelleError('CROISEMENT_TROP_VOLUMINEUX', `The criterion selects more than ${maxPseudonymes} people.`, { partenaire });
  return [...set].sort();
}

/**
 * The whole answer of a partner's `pseudonymes…` field: checks the caller (an analyst), the key
 * and the month, has the partner's system list the people its criterion selects, and returns
 * their pseudonyms. Neither the key nor the list leaves this call; nothing is cached.
 */
export async function repondrePseudonymes(input: {
  appel: AppelPasserelle;
  partenaire: string;
  cle: unknown;
  mois: unknown;
  jointure: JointurePseudonymes;
  extraire: (mois: string) => Promise<readonly PersonneJointure[]>;
}): Promise<string[]> {
  exigerAnalyste(input.appel, input.partenaire);
  const cle = lireClePseudonymes(input.cle, input.partenaire);
  const { mois } = lireMois(input.mois);
  return pseudonymesDe(await input.extraire(mois), input.jointure, cle, input.partenaire);
}
