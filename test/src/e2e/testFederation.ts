import { createUsagerIdCodec } from '@passerelle/subgraph-kit';
import { everyPortFree } from '../federationServices';
import { startFederation, type RunningFederation } from '../startFederation';

/** The secret the end-to-end federation seals ids with (the ids are computed by the tests too). */
export const testIdSecret = 'end-to-end-test-usager-id-secret';
export const testCodec = createUsagerIdCodec(testIdSecret);

/** Every port on 0 (free ports), no latency, a small population: the whole federation in a few seconds. */
export function startTestFederation(extra: NodeJS.ProcessEnv = {}): Promise<RunningFederation> {
  return startFederation({
    env: {
      ...everyPortFree(),
      SIMULATEUR_LATENCE_MS: '0',
      SIMULATEUR_GIGUE_MS: '0',
      POPULATION_TAILLE: '3000',
      USAGER_ID_SECRET: testIdSecret,
      ...extra,
    },
  });
}

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  raw: string;
}

/** POSTs an operation to the gateway and keeps the raw body, so tests can scan it for NIRs. */
export async function query<T = Record<string, unknown>>(federation: RunningFederation, document: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${federation.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: document, variables }) });
  const raw = await response.text();
  return { status: response.status, ...(JSON.parse(raw) as object), raw };
}

/** Every NIR-shaped string in a text (15 characters, Corsican letters allowed). */
export function nirsIn(text: string): string[] {
  return text.match(/[1278]\d{4}(?:2A|2B|\d{2})\d{8}/g) ?? [];
}
