import type DataLoader from 'dataloader';
import { createSingleLoader } from '../loaders/createBatchLoader';
import type { Cube } from './Cube';
import { lireMois, type Mois } from './lireMois';
import { protegerCube, type CubeProtege } from './protegerCube';

/**
 * A per-request loader of one statistic's protected cube by month: the partner's system is asked
 * once per month however many tables of the statistic the request reads, and secrecy is applied
 * to the whole grid before any table is cut from it. Like every loader, nothing is kept across
 * requests.
 */
export function createCubeLoader(compter: (mois: Mois) => Promise<Cube>): DataLoader<string, CubeProtege | null> {
  return createSingleLoader(async (mois: string) => protegerCube(await compter(lireMois(mois))));
}
