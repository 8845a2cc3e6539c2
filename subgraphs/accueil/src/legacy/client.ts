import { createLegacyClient, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import {
  evenementsResponseSchema,
  lieuxResponseSchema,
  orientationCreeeSchema,
  orientationsResponseSchema,
  type DemandeOrientation,
  type EvenementLegacy,
  type LieuLegacy,
  type OrientationLegacy,
} from './types';

/** A referral recorded (`rejoue`: a retry answered from the first call), or refused with its `code_erreur`. */
export type IdempotentPostResult<T> = { ok: true; data: T; rejoue: boolean } | { ok: false; status: number; codeErreur: string | null };

/** Largest batch of `orientations/recherche`. */
export const accueilMaxBatch = 50;
const partenaire = 'accueil';
const apiKeyHeader = 'X-CD12-Cle';

export interface AccueilClient {
  /** The whole directory of reception places (a few dozen at most: the API has no filter). */
  lieux(): Promise<LieuLegacy[]>;
  /** Events of the tiers-lieu between two `YYYYMMDD` days, both included; null: no bound. */
  evenements(du: string | null, au: string | null): Promise<EvenementLegacy[]>;
  /** Every referral of these people (at most `accueilMaxBatch`), oldest first. */
  orientationsParNirs(nirs: readonly string[]): Promise<OrientationLegacy[]>;
  /** Records a referral; 409 (key reused) and 422 (unknown place) come back as refusals. */
  orienter(demande: DemandeOrientation, cleIdempotence: string | null): Promise<IdempotentPostResult<{ orientation: OrientationLegacy }>>;
}

export function createAccueilClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): AccueilClient {
  const client = createLegacyClient({ ...config, partenaire, apiKeyHeader });
  return {
    async lieux() {
      return (await client.get('/annuaire/v1/lieux', lieuxResponseSchema)).lieux;
    },
    async evenements(du, au) {
      const params = { ...(du === null ? {} : { date_debut: du }), ...(au === null ? {} : { date_fin: au }) };
      return (await client.get('/annuaire/v1/evenements', evenementsResponseSchema, params)).evenements;
    },
    async orientationsParNirs(nirs) {
      return (await client.post('/orientations/v1/orientations/recherche', { liste_nir: nirs }, orientationsResponseSchema)).orientations;
    },
    async orienter(demande, cleIdempotence) {
      const answer = await client.command('/orientations/v1/orientations', demande, { idempotencyKey: cleIdempotence, refusals: [409, 422] });
      if (answer.status === 409 || answer.status === 422) {
        const body = answer.body as { code_erreur?: unknown } | null;
        return { ok: false, status: answer.status, codeErreur: typeof body?.code_erreur === 'string' ? body.code_erreur : null };
      }
      return { ok: true, data: client.validate(orientationCreeeSchema, answer.body), rejoue: answer.headers['idempotency-replayed'] === 'true' };
    },
  };
}
