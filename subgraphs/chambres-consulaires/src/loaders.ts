import { createBatchLoader } from '@passerelle/subgraph-kit';
import type { Systeme } from './chambres';
import { chambreAgricultureMaxBatch, type ChambreAgricultureClient } from './legacy/chambreAgricultureClient';
import { cciMaxBatch, type CciClient } from './legacy/cciClient';
import { cmaMaxBatch, type CmaClient } from './legacy/cmaClient';
import { fromCci } from './records/fromCci';
import { fromChambreAgriculture } from './records/fromChambreAgriculture';
import { fromCma } from './records/fromCma';
import { byBirthDate, type FicheConsulaire } from './records/FicheConsulaire';

export interface Clients {
  cci: CciClient;
  cma: CmaClient;
  'chambre-agriculture': ChambreAgricultureClient;
}

/**
 * Per-request loaders, one per chamber, keyed by date of birth (`YYYY-MM-DD`): one call per batch
 * of distinct dates of the request, within each system's batch limit; a date nobody was born on is
 * null. Each chamber's loader fails alone.
 */
export function createLoaders(clients: Clients): Record<Systeme, ReturnType<typeof createBatchLoader<string, FicheConsulaire[]>>> {
  return {
    cci: createBatchLoader<string, FicheConsulaire[]>({ maxBatchSize: cciMaxBatch, load: async (dates) => byBirthDate((await clients.cci.ressortissantsNesLes(dates)).map(fromCci)) }),
    cma: createBatchLoader<string, FicheConsulaire[]>({ maxBatchSize: cmaMaxBatch, load: async (dates) => byBirthDate((await clients.cma.artisansNesLes(dates)).map(fromCma)) }),
    'chambre-agriculture': createBatchLoader<string, FicheConsulaire[]>({
      maxBatchSize: chambreAgricultureMaxBatch,
      load: async (dates) => byBirthDate((await clients['chambre-agriculture'].exploitantsNesLes(dates)).map(fromChambreAgriculture)),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
