import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUsagerIdCodec, type Finalite, type Partenaire, type Role } from '@passerelle/subgraph-kit';
import { everyPortFree, startFederation, type RunningFederation } from '@passerelle/dev';
import type { InMemorySpanExporter } from '@passerelle/subgraph-kit/telemetry/testing';

/** The secret the end-to-end federation seals ids with (the ids are computed by the tests too). */
export const testIdSecret = 'end-to-end-test-usager-id-secret';
export const testCodec = createUsagerIdCodec(testIdSecret);

/**
 * Every port on 0 (free ports), no latency, a small population: the whole federation in a few
 * seconds. `root`: another checkout to run (default: this repository). `spanExporter`: every
 * service's spans (observability.e2e.test.ts).
 */
export function startTestFederation(extra: NodeJS.ProcessEnv = {}, logWrite?: (line: string) => void, root?: string, spanExporter?: InMemorySpanExporter): Promise<RunningFederation> {
  return startFederation({
    ...(logWrite ? { logWrite } : {}),
    ...(spanExporter ? { spanExporter } : {}),
    ...(root ? { root } : {}),
    env: {
      ...everyPortFree(root),
      // One key per test process: parallel test files never race on creating the same file.
      DEV_IDP_KEY_FILE: path.join(os.tmpdir(), `passerelle-e2e-idp-${process.pid}.json`),
      // Its own audit journal: never the one `npm start` uses, never shared by two federations.
      AUDIT_JOURNAL_PATH: path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-audit-')), 'journal.jsonl'),
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

/** Who an end-to-end request is made as: the claims of a token from the dev identity provider, and the purpose declared. */
export interface TestCaller {
  roles: Role[];
  finalite: Finalite | null;
  organisation?: string;
  partenaire?: Partenaire;
  referentId?: string;
  usagerId?: string;
  sub?: string;
}
export const asUsager = (usagerId: string): TestCaller => ({ roles: ['usager'], usagerId, organisation: 'usager', sub: usagerId, finalite: 'information' });
export const asReferent = (referentId = 'ref-001'): TestCaller => ({ roles: ['referent'], referentId, organisation: 'CD12', finalite: 'accompagnement' });
export const asAgent = (partenaire: Partenaire, finalite: Finalite = 'instruction'): TestCaller => ({ roles: ['agent'], partenaire, organisation: partenaire.toUpperCase(), finalite });
export const asAccueil = (): TestCaller => ({ roles: ['accueil'], organisation: 'CD12', finalite: 'premier-accueil' });
export const asAnalyste = (): TestCaller => ({ roles: ['analyste'], organisation: 'CD12', finalite: 'statistique' });

/** A bearer token for this caller, signed by the federation's dev identity provider. */
export async function tokenFor(federation: RunningFederation, caller: TestCaller, ttlSeconds = 300): Promise<string> {
  if (!federation.identityProvider) throw new Error('this federation runs without the dev identity provider');
  return federation.identityProvider.mint(
    {
      sub: caller.sub ?? `agent-${caller.roles.join('-')}-${caller.partenaire ?? caller.referentId ?? 'cd12'}`,
      roles: caller.roles,
      organisation: caller.organisation ?? 'CD12',
      ...(caller.partenaire ? { partenaire: caller.partenaire } : {}),
      ...(caller.referentId ? { referent_id: caller.referentId } : {}),
      ...(caller.usagerId ? { usager_id: caller.usagerId } : {}),
    },
    ttlSeconds,
  );
}

/**
 * POSTs an operation to the gateway as `caller` (a token and a purpose; `null`: anonymous) and
 * keeps the raw body, so tests can scan it for NIRs.
 */
export async function query<T = Record<string, unknown>>(
  federation: RunningFederation,
  document: string,
  variables: Record<string, unknown> = {},
  caller: TestCaller | null = null,
  extraHeaders: Record<string, string> = {},
): Promise<GraphQLAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...extraHeaders };
  if (caller) {
    headers.authorization = `Bearer ${await tokenFor(federation, caller)}`;
    if (caller.finalite) headers['x-passerelle-finalite'] = caller.finalite;
  }
  const response = await fetch(`${federation.gatewayUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: document, variables }) });
  const raw = await response.text();
  return { status: response.status, ...(JSON.parse(raw) as object), raw };
}

/** Every NIR-shaped string in a text (15 characters, Corsican letters allowed). */
export function nirsIn(text: string): string[] {
  // Standing alone: 15 digits inside a longer run of letters and digits (a hex digest of the
  // audit chain, an opaque id) are not a NIR, and matched there now and then by chance.
  return text.match(/(?<![0-9A-Za-z])[1278]\d{4}(?:2A|2B|\d{2})\d{8}(?![0-9A-Za-z])/g) ?? [];
}
