import { createLegacyClient, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { rechercheAgriSchema, toChambreDate, type Exploitant } from './chambreAgricultureTypes';

/** Most dates of birth the Chambre d'agriculture's search accepts per call (mocks/docs/chambre-agriculture.md). */
export const chambreAgricultureMaxBatch = 25;

export interface ChambreAgricultureClient {
  /** Every farmer born on one of `datesNaissance` (`YYYY-MM-DD`, at most `chambreAgricultureMaxBatch`). */
  exploitantsNesLes(datesNaissance: readonly string[]): Promise<Exploitant[]>;
}

/** Typed client of the Chambre d'agriculture's REST API (key in `X-ChambAgri-Cle`, dates `DD/MM/YYYY`); every answer validated with zod. */
export function createChambreAgricultureClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): ChambreAgricultureClient {
  const client = createLegacyClient({ ...config, partenaire: 'chambre-agriculture', apiKeyHeader: 'X-ChambAgri-Cle' });
  return {
    async exploitantsNesLes(datesNaissance) {
      return (await client.post('/api/exploitants/recherche', { naissances: datesNaissance.map(toChambreDate) }, rechercheAgriSchema, { idempotentRead: true, kind: 'personal' })).exploitants;
    },
  };
}
