import { createLegacyClient, formatLegacyDate, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { rechercheCmaSchema, type ArtisanCma } from './cmaTypes';

/** Most dates of birth the CMA's search accepts per call (mocks/docs/cma.md). */
export const cmaMaxBatch = 20;

export interface CmaClient {
  /** Every artisan born on one of `datesNaissance` (`YYYY-MM-DD`, at most `cmaMaxBatch`). */
  artisansNesLes(datesNaissance: readonly string[]): Promise<ArtisanCma[]>;
}

/** Typed client of the CMA's REST API (key in `X-CMA-Token`, dates `YYYYMMDD`); every answer validated with zod. */
export function createCmaClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): CmaClient {
  const client = createLegacyClient({ ...config, partenaire: 'cma', apiKeyHeader: 'X-CMA-Token' });
  return {
    async artisansNesLes(datesNaissance) {
      return (await client.post('/rm/v1/artisans/recherche', { DATES_NAISS: datesNaissance.map(formatLegacyDate) }, rechercheCmaSchema, { idempotentRead: true, kind: 'personal' })).ARTISANS;
    },
  };
}
