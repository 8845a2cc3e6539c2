import { createLegacyClient, passerelleError, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { refusalToGraphQL, type ArgumentEnFaute } from './refusalToGraphQL';
import {
  commandeResponseSchema,
  lignesStatistiques,
  lotResponseSchema,
  portefeuilleResponseSchema,
  refusSchema,
  statistiqueResponseSchema,
  type Beneficiaire,
  type NomStatistiqueDepartement,
  type PagePortefeuille,
  type StatistiqueDepartement,
} from './types';

/** Largest batch of the Département's `beneficiaires/lot` endpoint, and largest caseload page. */
export const departementMaxBatch = 100;

export interface FiltresPortefeuille {
  debut: number;
  nombre: number;
  cd_orientation?: string;
  etat_dossier?: string;
  cd_motif?: string;
}

/** A command's outcome: what it created or changed, the file after it, and whether it was a replay. */
export interface CommandeAcceptee {
  idObjet: string | null;
  beneficiaire: Beneficiaire;
  rejoue: boolean;
}

export interface DepartementClient {
  /** The files the Département holds among `nirs` (at most `departementMaxBatch`); the others are absent. */
  beneficiairesParNirs(nirs: readonly string[]): Promise<Beneficiaire[]>;
  /** A page of a référent's caseload; null when the référent is unknown. */
  portefeuille(idReferent: string, filtres: FiltresPortefeuille): Promise<PagePortefeuille | null>;
  /** Runs a command (body with the NIR); a refusal is thrown as its GraphQL error, `argument` naming the argument at fault when it is not the usual one. */
  commande(nom: string, corps: Record<string, unknown>, cle: string | null, argument?: ArgumentEnFaute): Promise<CommandeAcceptee>;
  /** One of the system's statistics for `mois` (`YYYY-MM`), grouped by both its dimensions: the Département's own count. */
  statistique<N extends NomStatistiqueDepartement>(nom: N, mois: string): Promise<StatistiqueDepartement<N>>;
}

export function createDepartementClient(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'> & { maxConcurrency: number }): DepartementClient {
  const client = createLegacyClient({ ...config, partenaire: 'departement', apiKeyHeader: 'X-Cd12-Cle' });
  return {
    // Caller-dependent (never kept, legacyReadKind.ts): the file holds the access facts the gateway
    // and the resolvers decide from (référent, team, objections) and every audience's notes.
    async beneficiairesParNirs(nirs) {
      return (await client.post('/api/rsa/v1/beneficiaires/lot', { nirs_beneficiaires: nirs }, lotResponseSchema, { idempotentRead: true, kind: 'callerDependent' })).beneficiaires;
    },
    // Caller-dependent: a référent's own caseload, asked for by that référent.
    portefeuille(idReferent, filtres) {
      const params = Object.fromEntries(Object.entries(filtres).filter(([, v]) => v !== undefined)) as Record<string, string | number>;
      return client.getOrNull(`/api/rsa/v1/referents/${encodeURIComponent(idReferent)}/portefeuille`, portefeuilleResponseSchema, { kind: 'callerDependent', params });
    },
    async statistique(nom, mois) {
      const ventilation = Object.keys(lignesStatistiques[nom].shape)
        .filter((k) => k !== 'nb')
        .join(',');
      return await client.get(`/api/rsa/v1/statistiques/${nom}`, statistiqueResponseSchema(nom), { kind: 'reference', params: { mois: mois.replace('-', ''), ventilation } });
    },
    async commande(nom, corps, cle, argument) {
      const answer = await client.command(`/api/rsa/v1/commandes/${nom}`, corps, { idempotencyKey: cle, refusals: [404, 409] });
      if (answer.status === 200) {
        const accepted = commandeResponseSchema.safeParse(answer.body);
        if (accepted.success) return { idObjet: accepted.data.id_objet, beneficiaire: accepted.data.beneficiaire, rejoue: answer.headers['x-rejeu'] === 'O' };
      }
      const refused = refusSchema.safeParse(answer.body);
      if ((answer.status === 404 || answer.status === 409) && refused.success) throw refusalToGraphQL(refused.data.code_erreur, argument);
      throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', `The departement system answered a command unexpectedly (HTTP ${answer.status}).`, { partenaire: 'departement' });
    },
  };
}
