import type { Cube } from './Cube';
import { cubeToutSecret, protegerCubesLies, type CubeProtege, type Lien } from './protegerCube';

/**
 * Protects a period's two flows (entries and exits) against the stock–flow identity: for every
 * modality m of their shared first dimension, and for the total,
 * stockFin(m) − stockDebut(m) = entrees(m) − sorties(m). Published as they are, two monthly stocks
 * and one flow give away the other flow (docs/statistics.md). The rule, sound by construction:
 *
 * - when every first-dimension margin of both stocks (total included) is published, the stocks
 *   are constants and the identity is an equation between this period's flows only: both flow
 *   cubes are protected together with `entrees(m) − sorties(m)` as links (protegerCubesLies), so
 *   the attacker's whole system for these flows is solved, nothing left out;
 * - when one of those margins is suppressed, no figure of either flow is published
 *   (cubeToutSecret). Flows wholly unknown make the identity tell nothing about the stocks (for
 *   any values of the stocks, some flows fit), so a suppressed stock stays as protected as its
 *   own cube made it, and the chain of identities across months is cut at every period.
 *
 * `stockDebut` is null for a period whose opening stock is never published (the first month
 * statistics exist for): the identity then has an unknown nobody can learn, and the flows are
 * protected together with no link. The stocks are protected beforehand on their own (or with the
 * publications they are linked to), never changed here. The first dimensions must list the same
 * modalities in the same order.
 */
export function protegerFlux(entrees: Cube, sorties: Cube, stockDebut: CubeProtege | null, stockFin: CubeProtege): [CubeProtege, CubeProtege] {
  const codes = (c: Cube) => c.dimensions[0].modalites.map((m) => m.code).join(',');
  for (const autre of [sorties, stockFin.cube, ...(stockDebut ? [stockDebut.cube] : [])]) {
    if (codes(autre) !== codes(entrees)) throw new Error(`protegerFlux: the flows and stocks must share their first dimension (${codes(entrees)} vs ${codes(autre)})`);
  }
  if (stockDebut === null) return protegerCubesLies([entrees, sorties], []) as [CubeProtege, CubeProtege];
  const na = entrees.dimensions[0].modalites.length;
  const marge = (p: CubeProtege) => p.cube.dimensions[1].modalites.length;
  const stockPublie = (p: CubeProtege) => Array.from({ length: na + 1 }, (_, i) => p.valeur(i, marge(p)).secret === null).every(Boolean);
  if (!stockPublie(stockDebut) || !stockPublie(stockFin)) return [cubeToutSecret(entrees), cubeToutSecret(sorties)];
  const nbE = entrees.dimensions[1].modalites.length;
  const nbS = sorties.dimensions[1].modalites.length;
  const liens: Lien[] = Array.from({ length: na + 1 }, (_, i) => [
    [[0, i, nbE], 1],
    [[1, i, nbS], -1],
  ]);
  return protegerCubesLies([entrees, sorties], liens) as [CubeProtege, CubeProtege];
}
