import { passerelleError } from '../errors/passerelleError';
import type { CubeProtege, ValeurProtegee } from './protegerCube';
import type { MotifSecret } from './seuilSecret';

/** A cell as the shared GraphQL type `CelluleStatistique` has it. */
export interface CelluleStatistique {
  modalite: string;
  libelle: string;
  effectif: number | null;
  /** Euros. */
  montant: number | null;
  montantMoyen: number | null;
  secret: MotifSecret | null;
}

/** A table as the shared GraphQL type `TableauStatistique` has it. */
export interface TableauStatistique {
  dimension: string;
  filtre: { dimension: string; modalite: string; libelle: string } | null;
  cellules: CelluleStatistique[];
  total: CelluleStatistique;
  dateReference: string;
}

/** The arguments of an aggregate field: `par`, the dimension broken down, and one optional filter per dimension, named after its `argument`. */
export type ArgumentsTableau = { par: string } & Record<string, unknown>;

const euros = (cents: number) => Math.round(cents) / 100;

function cellule(modalite: string, libelle: string, v: ValeurProtegee): CelluleStatistique {
  if (v.secret !== null) return { modalite, libelle, effectif: null, montant: null, montantMoyen: null, secret: v.secret };
  const montant = v.montantCents === null ? null : euros(v.montantCents);
  const montantMoyen = v.montantCents === null || v.effectif === 0 ? null : euros(v.montantCents / v.effectif);
  return { modalite, libelle, effectif: v.effectif, montant, montantMoyen, secret: null };
}

/**
 * One table read from a protected cube: the modalities of the dimension `par`, within the
 * whole of the other dimension or within one of its modalities (its filter argument), and their
 * total. Nothing is computed here: every figure is one of the protected cube's, so two queries
 * that overlap publish the same figure for the same thing, or none (docs/statistics.md).
 * A filter on the dimension broken down, or a modality the dimension does not have, is
 * ARGUMENT_INVALIDE naming the argument.
 */
export function projeterCube(protege: CubeProtege, args: ArgumentsTableau): TableauStatistique {
  const [da, db] = protege.cube.dimensions;
  const parA = args.par === da.code;
  if (!parA && args.par !== db.code) throw passerelleError('ARGUMENT_INVALIDE', `par must be ${da.code} or ${db.code}.`, { argument: 'par' });
  const [ventilee, autre] = parA ? [da, db] : [db, da];
  const filtreVentilee = args[ventilee.argument];
  if (filtreVentilee !== undefined && filtreVentilee !== null) {
    throw passerelleError('ARGUMENT_INVALIDE', `${ventilee.argument} cannot filter a table broken down by ${ventilee.code}: filter on the other dimension.`, { argument: ventilee.argument });
  }
  const brut = args[autre.argument];
  let k = autre.modalites.length; // the margin: all of the other dimension
  if (brut !== undefined && brut !== null) {
    k = autre.modalites.findIndex((m) => m.code === brut);
    if (k < 0) throw passerelleError('ARGUMENT_INVALIDE', `${autre.argument} must be one of: ${autre.modalites.map((m) => m.code).join(', ')}.`, { argument: autre.argument });
  }
  const at = (n: number) => (parA ? protege.valeur(n, k) : protege.valeur(k, n));
  const filtre = k === autre.modalites.length ? null : { dimension: autre.code, modalite: autre.modalites[k]!.code, libelle: autre.modalites[k]!.libelle };
  return {
    dimension: ventilee.code,
    filtre,
    cellules: ventilee.modalites.map((m, n) => cellule(m.code, m.libelle, at(n))),
    total: cellule('TOTAL', filtre === null ? 'Ensemble' : `Ensemble (${filtre.libelle})`, at(ventilee.modalites.length)),
    dateReference: protege.cube.dateReference,
  };
}
