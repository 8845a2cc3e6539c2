import type { PartnerNames } from '../partnerNames';

/** src/index.ts: the descriptor (the kit serves it) and what the tests import. */
export function indexTs(n: PartnerNames): string {
  return `import path from 'node:path';
import { defineSubgraph, legacyClientOptionsOf } from '@passerelle/subgraph-kit';
import { ${n.camel}Env } from './config';
import type { ${n.pascal}Context } from './context';
import { create${n.pascal}Client } from './legacy/client';
import { createLoaders } from './loaders';
import { Usager } from './resolvers/Usager';

/** The subgraph of ${n.libelle}. */
export const subgraph = defineSubgraph({
  name: '${n.code}',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: ${n.camel}Env,
  // Dossier${n.pascal}'s fields are properties of the object Usager.${n.camel} returns (resolvers/Dossier${n.pascal}.ts maps it).
  resolvers: { Usager },
  createContext(config) {
    // One client per server: its concurrency bound is shared by every request.
    const client = create${n.pascal}Client(legacyClientOptionsOf(config));
    // Fresh loaders per request: nothing is cached across callers.
    return (base): ${n.pascal}Context => ({ ...base, loaders: createLoaders(client) });
  },
});

export const { createServer, loadConfig: load${n.pascal}Config } = subgraph;
export { ${n.camel}Env, type ${n.pascal}Config } from './config';
`;
}

export function mainTs(): string {
  return `import { runSubgraph } from '@passerelle/subgraph-kit';
import { subgraph } from './index';

runSubgraph(subgraph);
`;
}

export function configTs(n: PartnerNames): string {
  return `import { gatewayContextEnv, legacyEnv, serverEnv, type ConfigOf } from '@passerelle/subgraph-kit';

/** Environment of the subgraph of ${n.libelle}: its port, its legacy system, the gateway's signed context. */
export const ${n.camel}Env = {
  ...serverEnv('${n.envPrefix}', ${n.port}),
  ...legacyEnv('${n.envPrefix}', 'http://127.0.0.1:4100/${n.code}', '${n.devApiKey}'),
  ...gatewayContextEnv(),
};

export type ${n.pascal}Config = ConfigOf<typeof ${n.camel}Env>;
`;
}

export function contextTs(n: PartnerNames): string {
  return `import type { SubgraphRequestContext } from '@passerelle/subgraph-kit';
import type { Loaders } from './loaders';

/** What every resolver of the subgraph of ${n.libelle} receives; built per request. */
export interface ${n.pascal}Context extends SubgraphRequestContext {
  loaders: Loaders;
}
`;
}

export function legacyTypesTs(n: PartnerNames): string {
  return `import { z } from 'zod';

/** \`YYYYMMDD\`, complete: the graph promises ISO dates, so a partial date is a contract breach (mocks/docs/${n.code}.md). */
const legacyDate = z.string().regex(/^\\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])$/);

/** State codes of the partner's system: \`O\` ouvert, \`S\` suspendu, \`C\` clos. */
export const etatDossierSchema = z.enum(['O', 'S', 'C']);
export type EtatDossier = z.infer<typeof etatDossierSchema>;

/** One file, as the partner's system returns it. */
export const dossierSchema = z.object({
  NIR: z.string(),
  NUM_DOSSIER: z.string().regex(/^[A-Z]+-\\d{6}$/),
  ETAT: etatDossierSchema,
  DATE_OUVERTURE: legacyDate,
  DATE_MAJ: legacyDate,
  ANTENNE: z.string().min(1),
});
export type DossierLegacy = z.infer<typeof dossierSchema>;

/** The batch lookup's answer: the files found, and how many NIRs had none. */
export const rechercheResponseSchema = z.object({ dossiers: z.array(dossierSchema), non_trouves: z.number().int().min(0) });
`;
}

export function legacyClientTs(n: PartnerNames): string {
  return `import { createLegacyClient, type LegacyClientConfig } from '@passerelle/subgraph-kit';
import { rechercheResponseSchema, type DossierLegacy } from './types';

/** Largest batch of the partner's \`dossiers/recherche\` endpoint (mocks/docs/${n.code}.md). */
export const ${n.camel}MaxBatch = 50;

export interface ${n.pascal}Client {
  /** The files of the people the partner knows among \`nirs\` (at most \`${n.camel}MaxBatch\`); the others are absent. */
  dossiersParNirs(nirs: readonly string[]): Promise<DossierLegacy[]>;
}

/**
 * Typed client of the partner's REST API on the kit's legacy client (timeout, retries of
 * idempotent reads, circuit breaker, bulkhead, API key, errors mapped to the registry's codes):
 * every answer is validated with zod, so a payload outside the documented format is
 * PARTENAIRE_REPONSE_INVALIDE. A POST is retried only when marked as an idempotent read.
 */
export function create${n.pascal}Client(config: Omit<LegacyClientConfig, 'partenaire' | 'apiKeyHeader'>): ${n.pascal}Client {
  const client = createLegacyClient({ ...config, partenaire: '${n.code}', apiKeyHeader: 'X-Cle-Api' });
  return {
    async dossiersParNirs(nirs) {
      return (await client.post('/api/v1/dossiers/recherche', { nirs }, rechercheResponseSchema, { idempotentRead: true, kind: 'personal' })).dossiers;
    },
  };
}
`;
}

export function loadersTs(n: PartnerNames): string {
  return `import { createBatchLoader, indexBy } from '@passerelle/subgraph-kit';
import { ${n.camel}MaxBatch, type ${n.pascal}Client } from './legacy/client';
import type { DossierLegacy } from './legacy/types';

/** Per-request loaders of the subgraph of ${n.libelle}. */
export function createLoaders(client: ${n.pascal}Client) {
  return {
    /** File by NIR: one legacy call per batch of at most \`${n.camel}MaxBatch\` distinct NIRs of a request. */
    dossier: createBatchLoader<string, DossierLegacy>({
      maxBatchSize: ${n.camel}MaxBatch,
      load: async (nirs) => indexBy(await client.dossiersParNirs(nirs), (d) => d.NIR),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
`;
}

export function usagerResolverTs(n: PartnerNames): string {
  return `import { checkNir } from '@passerelle/subgraph-kit';
import type { ${n.pascal}Context } from '../context';
import { toDossier${n.pascal}, type Dossier${n.pascal}Parent } from './Dossier${n.pascal}';

/** A representation from the gateway: the key of \`Usager\` here. */
type UsagerReference = { nir: string };

export const Usager = {
  // Every usager resolves: whether the partner knows them is \`${n.camel}\`'s business (null, not an error).
  __resolveReference: (ref: UsagerReference): UsagerReference => ({ nir: ref.nir }),

  async ${n.camel}(u: UsagerReference, _args: unknown, ctx: ${n.pascal}Context): Promise<Dossier${n.pascal}Parent | null> {
    const check = checkNir(u.nir);
    // The partner cannot know a malformed NIR: no legacy call is spent on it.
    if (!check.valide) return null;
    const dossier = await ctx.loaders.dossier.load(check.nir);
    return dossier ? toDossier${n.pascal}(dossier) : null;
  },
};
`;
}

export function dossierResolverTs(n: PartnerNames): string {
  return `import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { DossierLegacy, EtatDossier } from '../legacy/types';

/** \`StatutDossier${n.pascal}\`. */
export type StatutDossier${n.pascal} = 'OUVERT' | 'SUSPENDU' | 'CLOS';

/** The \`Dossier${n.pascal}\` object: the legacy → graph mapping lives here. */
export interface Dossier${n.pascal}Parent {
  numeroDossier: string;
  statut: StatutDossier${n.pascal};
  dateOuverture: string;
  dateMiseAJour: string;
  antenne: string;
}

/** State codes of mocks/docs/${n.code}.md → the graph's enum. */
export const statutDossier: Readonly<Record<EtatDossier, StatutDossier${n.pascal}>> = { O: 'OUVERT', S: 'SUSPENDU', C: 'CLOS' };

/** One legacy file → \`Dossier${n.pascal}\`: ISO dates, the state as an enum. */
export function toDossier${n.pascal}(d: DossierLegacy): Dossier${n.pascal}Parent {
  return {
    numeroDossier: d.NUM_DOSSIER,
    statut: statutDossier[d.ETAT],
    dateOuverture: parseLegacyDate(d.DATE_OUVERTURE),
    dateMiseAJour: parseLegacyDate(d.DATE_MAJ),
    antenne: d.ANTENNE,
  };
}
`;
}
