import { createLegacyClient, formatLegacyDate, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { lotResponseSchema, rechercheResponseSchema, type Individu } from './types';

/** Largest batch of the SNGI's `individus/lot` endpoint. */
export const sngiMaxBatch = 100;
const pageSize = 50;
/** A date of birth shared by more people than this is searched no further (the agent must refine). */
const maxPages = 6;

export interface SngiClient {
  individusParNirs(nirs: readonly string[]): Promise<Individu[]>;
  /** Everyone born that day (all pages, bounded), optionally of one sex. */
  nesLe(dateNaissance: string, sexe?: '1' | '2'): Promise<Individu[]>;
}

export function createSngiClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): SngiClient {
  const client = createLegacyClient({ ...config, partenaire: 'identite', apiKeyHeader: 'X-Api-Key' });
  return {
    async individusParNirs(nirs) {
      return (await client.post('/api/v1/individus/lot', { nirs }, lotResponseSchema, { idempotentRead: true, kind: 'personal' })).individus;
    },
    async nesLe(dateNaissance, sexe) {
      const found: Individu[] = [];
      for (let page = 1; page <= maxPages; page += 1) {
        const body = { date_naissance: formatLegacyDate(dateNaissance), page, taille: pageSize, ...(sexe ? { sexe } : {}) };
        const result = await client.post('/api/v1/individus/recherche', body, rechercheResponseSchema, { idempotentRead: true, kind: 'personal' });
        found.push(...result.individus);
        if (page * pageSize >= result.total) break;
      }
      return found;
    },
  };
}
