import { createLegacyClient, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { identiteEcriteSchema, lotIdentitesSchema, rechercheIdentitesSchema, type DeclarationLegacy, type IdentiteProvisoire } from './ripTypes';

/** Largest batch of the register's `identites/lot`. */
export const ripMaxBatch = 100;
const pageSize = 50;
/** Past this many pages for one date of birth, the search stops (the agent must refine), as for the SNGI. */
const maxPages = 6;

/** A write's outcome: the identity (`rejoue`: a replay of an earlier identical write), or the register's refusal. */
export type EcritureRegistre = { ok: true; identite: IdentiteProvisoire; rejoue: boolean } | { ok: false; status: number; codeErreur: string | null };

export interface RipClient {
  identitesParCles(cles: readonly string[]): Promise<IdentiteProvisoire[]>;
  /** Active provisional identities whose (possibly partial) date of birth covers this day. */
  activesNeesLe(dateNaissance: string, sexe?: '1' | '2'): Promise<IdentiteProvisoire[]>;
  creer(declaration: DeclarationLegacy, cleIdempotence: string | null): Promise<EcritureRegistre>;
  /** Reconciles: the register notifies the agency's systems first, and records only if they all moved the records. */
  rapprocher(cle: string, nir: string): Promise<EcritureRegistre>;
}

function codeErreurOf(body: unknown): string | null {
  const code = (body as { code_erreur?: unknown } | null)?.code_erreur;
  return typeof code === 'string' ? code : null;
}

export function createRipClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): RipClient {
  // The register is the agency's own identity infrastructure: its failures are the identity partner's.
  const client = createLegacyClient({ ...config, partenaire: 'identite', apiKeyHeader: 'X-Rip-Cle' });
  const ecrire = async (path: string, body: unknown, cleIdempotence: string | null, refusals: readonly number[]): Promise<EcritureRegistre> => {
    const answer = await client.command(path, body, { idempotencyKey: cleIdempotence, refusals });
    if (refusals.includes(answer.status)) return { ok: false, status: answer.status, codeErreur: codeErreurOf(answer.body) };
    return { ok: true, identite: client.validate(identiteEcriteSchema, answer.body).identite, rejoue: answer.headers['x-rejeu'] === 'O' };
  };
  return {
    async identitesParCles(cles) {
      return (await client.post('/api/v1/identites/lot', { cles }, lotIdentitesSchema, { idempotentRead: true, kind: 'personal' })).identites;
    },
    async activesNeesLe(dateNaissance, sexe) {
      const found: IdentiteProvisoire[] = [];
      for (let page = 1; page <= maxPages; page += 1) {
        const body = { date_naissance: dateNaissance.replaceAll('-', ''), statut: 'ACTIVE', page, taille: pageSize, ...(sexe ? { sexe } : {}) };
        const result = await client.post('/api/v1/identites/recherche', body, rechercheIdentitesSchema, { idempotentRead: true, kind: 'personal' });
        found.push(...result.identites);
        if (page * pageSize >= result.total) break;
      }
      return found;
    },
    creer: (declaration, cleIdempotence) => ecrire('/api/v1/identites', declaration, cleIdempotence, [409]),
    // 502: a notice was refused, nothing recorded; the caller answers it as the partner being unavailable.
    rapprocher: (cle, nir) => ecrire(`/api/v1/identites/${encodeURIComponent(cle)}/rapprochement`, { nir }, null, [404, 409, 502]),
  };
}
