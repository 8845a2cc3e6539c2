import { parseLegacyDate, type UsagerIdCodec } from '@passerelle/subgraph-kit';
import type { Individu } from '../legacy/types';

/** The `Usager` parent object the resolvers work from. */
export interface UsagerParent {
  id: string;
  nir: string;
  individu: Individu;
}

export function toUsager(individu: Individu, codec: UsagerIdCodec): UsagerParent {
  return { id: codec.encode(individu.NIR), nir: individu.NIR, individu };
}

/** Register individual → `IdentiteCivile`. */
export function toIdentiteCivile(i: Individu) {
  return {
    nomNaissance: i.NOM_NAISSANCE,
    nomUsage: i.NOM_USAGE,
    prenoms: i.PRENOMS.split(',').filter(Boolean),
    sexe: i.SEXE === '1' ? ('M' as const) : ('F' as const),
    dateNaissance: parseLegacyDate(i.DATE_NAISSANCE),
    lieuNaissance: { code: i.LIEU_NAISSANCE.CODE, libelle: i.LIEU_NAISSANCE.LIBELLE, estNeALEtranger: i.LIEU_NAISSANCE.CODE.startsWith('99') },
  };
}

/** Register individual → `IdentitePivot` (the landlords' key). */
export function toIdentitePivot(i: Individu) {
  const civile = toIdentiteCivile(i);
  return {
    nomNaissance: civile.nomNaissance,
    nomUsage: civile.nomUsage,
    prenoms: civile.prenoms,
    sexe: civile.sexe,
    dateNaissance: civile.dateNaissance,
    codeLieuNaissance: civile.lieuNaissance.code,
  };
}
