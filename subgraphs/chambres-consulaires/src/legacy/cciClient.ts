import { createLegacyClient, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { rechercheCciSchema, type RessortissantCci } from './cciTypes';

/** Most dates of birth the CCI's search accepts per call (mocks/docs/cci.md). */
export const cciMaxBatch = 50;

export interface CciClient {
  /** Every ressortissant born on one of `datesNaissance` (`YYYY-MM-DD`, at most `cciMaxBatch`). */
  ressortissantsNesLes(datesNaissance: readonly string[]): Promise<RessortissantCci[]>;
}

/** Typed client of the CCI's REST API (key in `X-CCI-Api-Key`, ISO dates); every answer validated with zod. */
export function createCciClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): CciClient {
  const client = createLegacyClient({ ...config, partenaire: 'cci', apiKeyHeader: 'X-CCI-Api-Key' });
  return {
    async ressortissantsNesLes(datesNaissance) {
      return (await client.post('/api/v2/ressortissants/recherche', { datesNaissance }, rechercheCciSchema, { idempotentRead: true, kind: 'personal' })).ressortissants;
    },
  };
}
