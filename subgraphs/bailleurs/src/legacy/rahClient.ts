import { createLegacyClient, formatLegacyDate, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { rechercheRahSchema, type RechercheRah } from './rahTypes';

export interface RahClient {
  /** Tenants and applicants born on `dateNaissance` (`YYYY-MM-DD`, complete). One call: RAH has no batch endpoint. */
  occupantsNesLe(dateNaissance: string): Promise<RechercheRah>;
}

export function createRahClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): RahClient {
  const client = createLegacyClient({ ...config, partenaire: 'rah', apiKeyHeader: 'X-Api-Key' });
  return {
    occupantsNesLe: (dateNaissance) => client.post('/api/v1/occupants/recherche', { date_naissance: formatLegacyDate(dateNaissance) }, rechercheRahSchema),
  };
}
