import { createLegacyClient, type LegacyClientConfig, type PersonneJointure } from '@passerelle/subgraph-kit';
import { droitsResponseSchema, extractionCpamSchema, type Beneficiaire } from './types';

/** Largest batch of the CPAM's `beneficiaires/droits` endpoint. */
export const cpamMaxBatch = 50;

export interface CpamClient {
  /** Coverage of the people the CPAM covers among `nirs` (at most `cpamMaxBatch`); the others are absent. */
  droitsParNirs(nirs: readonly string[]): Promise<Beneficiaire[]>;
  /** The insured `critere` selects on the last day of `mois` (`YYYY-MM`), by NIR only: for a crossing, pseudonymised at once. */
  extraction(critere: 'SANS_C2S', mois: string): Promise<PersonneJointure[]>;
}

export function createCpamClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): CpamClient {
  const client = createLegacyClient({ ...config, partenaire: 'cpam', apiKeyHeader: 'X-Cle-Partenaire' });
  return {
    async droitsParNirs(nirs) {
      return (await client.post('/api/v1/beneficiaires/droits', { nirs }, droitsResponseSchema, { idempotentRead: true, kind: 'personal' })).beneficiaires;
    },
    async extraction(critere, mois) {
      const answer = await client.get('/api/v1/statistiques/extraction', extractionCpamSchema, { kind: 'callerDependent', params: { mois: mois.replace('-', ''), critere } });
      return answer.nirs.map((nir) => ({ nir, noms: [], prenom: '', dateNaissance: '' }));
    },
  };
}
