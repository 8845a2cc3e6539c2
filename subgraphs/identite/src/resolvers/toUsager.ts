import { parseLegacyDate, type IdentityForMatching, type UsagerIdCodec } from '@passerelle/subgraph-kit';
import type { Individu } from '../legacy/types';
import type { IdentiteProvisoire } from '../legacy/ripTypes';

/** `IdentiteCivile` as served. */
export interface IdentiteCivile {
  nomNaissance: string;
  nomUsage: string | null;
  prenoms: string[];
  sexe: 'F' | 'M';
  /** `YYYY-MM-DD`; partial (`YYYY-MM`, `YYYY`) only for a provisional identity whose person does not know it. */
  dateNaissance: string;
  lieuNaissance: { code: string; libelle: string; estNeALEtranger: boolean };
}

/** The `Usager` parent object the resolvers work from: certified (the SNGI's) or provisional (the register's). */
export interface UsagerParent {
  id: string;
  /** The NIR, or the provisional key (`PRV…`): the join key, never shown to clients. */
  nir: string;
  statutIdentite: 'CERTIFIEE' | 'PROVISOIRE';
  civile: IdentiteCivile;
}

const lieu = (code: string, libelle: string) => ({ code, libelle, estNeALEtranger: code.startsWith('99') });

/** Register individual → `IdentiteCivile`. */
export function toIdentiteCivile(i: Individu): IdentiteCivile {
  return {
    nomNaissance: i.NOM_NAISSANCE,
    nomUsage: i.NOM_USAGE,
    prenoms: i.PRENOMS.split(',').filter(Boolean),
    sexe: i.SEXE === '1' ? 'M' : 'F',
    dateNaissance: parseLegacyDate(i.DATE_NAISSANCE),
    lieuNaissance: lieu(i.LIEU_NAISSANCE.CODE, i.LIEU_NAISSANCE.LIBELLE),
  };
}

/** `YYYYMMDD`, `YYYYMM` or `YYYY` → `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
function partialIso(raw: string): string {
  return [raw.slice(0, 4), raw.slice(4, 6), raw.slice(6, 8)].filter(Boolean).join('-');
}

/** Provisional identity → `IdentiteCivile`: the identity as declared at reception. */
export function toIdentiteDeclaree(p: IdentiteProvisoire): IdentiteCivile {
  return {
    nomNaissance: p.nom_naissance,
    nomUsage: p.nom_usage,
    prenoms: p.prenoms,
    sexe: p.sexe === '1' ? 'M' : 'F',
    dateNaissance: partialIso(p.date_naissance),
    lieuNaissance: lieu(p.lieu_naissance.code, p.lieu_naissance.libelle),
  };
}

export function toUsager(individu: Individu, codec: UsagerIdCodec): UsagerParent {
  return { id: codec.encode(individu.NIR), nir: individu.NIR, statutIdentite: 'CERTIFIEE', civile: toIdentiteCivile(individu) };
}

/** An ACTIVE provisional identity → `Usager`, keyed on its provisional key. */
export function toUsagerProvisoire(identite: IdentiteProvisoire, codec: UsagerIdCodec): UsagerParent {
  return { id: codec.encode(identite.cle), nir: identite.cle, statutIdentite: 'PROVISOIRE', civile: toIdentiteDeclaree(identite) };
}

/** `IdentiteCivile` → `IdentitePivot` (the key of the partners that may not use the NIR). */
export function toIdentitePivot(c: IdentiteCivile) {
  return { nomNaissance: c.nomNaissance, nomUsage: c.nomUsage, prenoms: c.prenoms, sexe: c.sexe, dateNaissance: c.dateNaissance, codeLieuNaissance: c.lieuNaissance.code };
}

/** `IdentiteCivile` → what the kit's matching compares. */
export function forMatching(c: IdentiteCivile): IdentityForMatching {
  return { noms: [c.nomNaissance, ...(c.nomUsage ? [c.nomUsage] : [])], prenoms: c.prenoms, sexe: c.sexe, dateNaissance: c.dateNaissance, codeLieuNaissance: c.lieuNaissance.code };
}
