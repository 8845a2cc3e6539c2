import { createLegacyClient, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import {
  evenementsResponseSchema,
  lignesStatistiques,
  statistiqueResponseSchema,
  type NomStatistiqueAccueil,
  type StatistiqueAccueil,
  inscriptionEcriteSchema,
  inscriptionsResponseSchema,
  lieuxResponseSchema,
  orientationCreeeSchema,
  orientationsResponseSchema,
  pageOrientationsSchema,
  passageEcritSchema,
  passagesResponseSchema,
  type CibleLegacy,
  type DemandeOrientation,
  type DemandePassage,
  type DemandeTransition,
  type EvenementLegacy,
  type InscriptionLegacy,
  type LieuLegacy,
  type OrientationLegacy,
  type PageOrientationsLegacy,
  type PassageLegacy,
  type StatutOrientationLegacy,
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
  /** The referral with this id as it stands; null when the system has none. */
  orientation(id: string): Promise<OrientationLegacy | null>;
  /** Changes a referral's status; 404 (unknown), 409 (not allowed from its status, or key reused) come back as refusals. */
  changerStatut(id: string, demande: DemandeTransition, cleIdempotence: string | null): Promise<IdempotentPostResult<{ orientation: OrientationLegacy }>>;
  /** A page of the referrals addressed to one target, in recording order, after the referral `apres`. */
  orientationsParCible(cible: CibleLegacy, statut: StatutOrientationLegacy | null, apres: string | null, nb: number): Promise<PageOrientationsLegacy>;
  /** Signs a person up to an event; 404 (unknown event) and 409 (full, already signed up, key reused) come back as refusals. */
  inscrire(idEvenement: string, demande: { nir: string; auteur: string }, cleIdempotence: string | null): Promise<IdempotentPostResult<{ inscription: InscriptionLegacy }>>;
  /** Cancels the person's active sign-up to an event; 404 (no such sign-up or event) and 409 (key reused) come back as refusals. */
  annulerInscription(idEvenement: string, demande: { nir: string; auteur: string }, cleIdempotence: string | null): Promise<IdempotentPostResult<{ inscription: InscriptionLegacy }>>;
  /** Records whether the person came; 404 (no sign-up) and 409 (cancelled, event to come) come back as refusals. */
  enregistrerPresence(idEvenement: string, demande: { nir: string; present: boolean; auteur: string }): Promise<IdempotentPostResult<{ inscription: InscriptionLegacy }>>;
  /** Every sign-up of these people (at most `accueilMaxBatch`), oldest first. */
  inscriptionsParNirs(nirs: readonly string[]): Promise<InscriptionLegacy[]>;
  /** Records a passage; 409 (key reused) and 422 (unknown place, day after today) come back as refusals. */
  enregistrerPassage(demande: DemandePassage, cleIdempotence: string | null): Promise<IdempotentPostResult<{ passage: PassageLegacy }>>;
  /** Every passage of these people (at most `accueilMaxBatch`), oldest visit first. */
  passagesParNirs(nirs: readonly string[]): Promise<PassageLegacy[]>;
  /** One of the system's statistics for `mois` (`YYYY-MM`), grouped by both its dimensions: the network's own count of what it recorded. */
  statistique<N extends NomStatistiqueAccueil>(nom: N, mois: string): Promise<StatistiqueAccueil<N>>;
}

/** The system's refusal code in an error body, when it has one. */
function codeErreurOf(body: unknown): string | null {
  const code = (body as { code_erreur?: unknown } | null)?.code_erreur;
  return typeof code === 'string' ? code : null;
}

export function createAccueilClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): AccueilClient {
  const client = createLegacyClient({ ...config, partenaire, apiKeyHeader });
  /** A write on a sign-up: every one answers the sign-up as it stands, or a refusal with its code. */
  async function ecrireInscription(path: string, body: object, cle: string | null): Promise<IdempotentPostResult<{ inscription: InscriptionLegacy }>> {
    const answer = await client.command(path, body, { idempotencyKey: cle, refusals: [404, 409] });
    if (answer.status === 404 || answer.status === 409) return { ok: false, status: answer.status, codeErreur: codeErreurOf(answer.body) };
    return { ok: true, data: client.validate(inscriptionEcriteSchema, answer.body), rejoue: answer.headers['idempotency-replayed'] === 'true' };
  }
  return {
    async statistique(nom, mois) {
      const ventilation = Object.keys(lignesStatistiques[nom].shape)
        .filter((k) => k !== 'nombre')
        .join(',');
      return await client.get(`/statistiques/v1/${nom}`, statistiqueResponseSchema(nom), { kind: 'reference', params: { mois: mois.replace('-', ''), ventilation } });
    },
    async lieux() {
      return (await client.get('/annuaire/v1/lieux', lieuxResponseSchema, { kind: 'reference' })).lieux;
    },
    async evenements(du, au) {
      const params = { ...(du === null ? {} : { date_debut: du }), ...(au === null ? {} : { date_fin: au }) };
      return (await client.get('/annuaire/v1/evenements', evenementsResponseSchema, { kind: 'reference', params })).evenements;
    },
    // Live (never kept, legacyReadKind.ts): a reconciliation in the identity register moves these
    // records from a provisional key to the NIR behind this subgraph's back (mocks/docs/rip.md).
    async orientationsParNirs(nirs) {
      return (await client.post('/orientations/v1/orientations/recherche', { liste_nir: nirs }, orientationsResponseSchema, { idempotentRead: true, kind: 'live' })).orientations;
    },
    async orienter(demande, cleIdempotence) {
      const answer = await client.command('/orientations/v1/orientations', demande, { idempotencyKey: cleIdempotence, refusals: [409, 422] });
      if (answer.status === 409 || answer.status === 422) return { ok: false, status: answer.status, codeErreur: codeErreurOf(answer.body) };
      return { ok: true, data: client.validate(orientationCreeeSchema, answer.body), rejoue: answer.headers['idempotency-replayed'] === 'true' };
    },
    async orientation(id) {
      return (await client.getOrNull(`/orientations/v1/orientations/${encodeURIComponent(id)}`, orientationCreeeSchema, { kind: 'callerDependent' }))?.orientation ?? null;
    },
    async changerStatut(id, demande, cleIdempotence) {
      const answer = await client.command(`/orientations/v1/orientations/${encodeURIComponent(id)}/transitions`, demande, { idempotencyKey: cleIdempotence, refusals: [404, 409] });
      if (answer.status === 404 || answer.status === 409) return { ok: false, status: answer.status, codeErreur: codeErreurOf(answer.body) };
      return { ok: true, data: client.validate(orientationCreeeSchema, answer.body), rejoue: answer.headers['idempotency-replayed'] === 'true' };
    },
    // Caller-dependent (never kept, legacyReadKind.ts): the inbox of the caller's own partner.
    async orientationsParCible(cible, statut, apres, nb) {
      const params = { ...cible, ...(statut === null ? {} : { statut }), ...(apres === null ? {} : { apres }), nb };
      return client.get('/orientations/v1/orientations', pageOrientationsSchema, { kind: 'callerDependent', params });
    },
    inscrire: (idEvenement, demande, cle) => ecrireInscription(`/tierslieu/v1/evenements/${encodeURIComponent(idEvenement)}/inscriptions`, demande, cle),
    annulerInscription: (idEvenement, demande, cle) => ecrireInscription(`/tierslieu/v1/evenements/${encodeURIComponent(idEvenement)}/annulations`, demande, cle),
    enregistrerPresence: (idEvenement, demande) => ecrireInscription(`/tierslieu/v1/evenements/${encodeURIComponent(idEvenement)}/presences`, demande, null),
    async inscriptionsParNirs(nirs) {
      return (await client.post('/tierslieu/v1/inscriptions/recherche', { liste_nir: nirs }, inscriptionsResponseSchema, { idempotentRead: true, kind: 'live' })).inscriptions;
    },
    async enregistrerPassage(demande, cleIdempotence) {
      const answer = await client.command('/passages/v1/passages', demande, { idempotencyKey: cleIdempotence, refusals: [409, 422] });
      if (answer.status === 409 || answer.status === 422) return { ok: false, status: answer.status, codeErreur: codeErreurOf(answer.body) };
      return { ok: true, data: client.validate(passageEcritSchema, answer.body), rejoue: answer.headers['idempotency-replayed'] === 'true' };
    },
    async passagesParNirs(nirs) {
      return (await client.post('/passages/v1/passages/recherche', { liste_nir: nirs }, passagesResponseSchema, { idempotentRead: true, kind: 'live' })).passages;
    },
  };
}
