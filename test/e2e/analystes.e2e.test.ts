import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import { analystesApiSchemaPath } from '@passerelle/schema';
import { buildSchema } from 'graphql';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asAnalyste, asReferent, query, startTestFederation, tokenFor, type TestCaller } from '../src/e2e/testFederation';

const journalPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-analystes-')), 'journal.jsonl');
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation({ AUDIT_JOURNAL_PATH: journalPath });
});
afterAll(() => federation.stop());

interface Answer {
  status: number;
  contentType: string;
  raw: string;
  json: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
}

/** POSTs to the analysts' endpoint as `caller` (null: no token), asking for JSON or CSV. */
async function analystes(document: string, variables: Record<string, unknown>, caller: TestCaller | null, accept = 'application/json', operationName?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept };
  if (caller) {
    headers.authorization = `Bearer ${await tokenFor(federation, caller)}`;
    if (caller.finalite) headers['x-passerelle-finalite'] = caller.finalite;
  }
  const response = await fetch(`${federation.gatewayUrl}/analystes/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: document, variables, operationName }) });
  const raw = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, contentType, raw, json: contentType.startsWith('application/json') ? (JSON.parse(raw) as Answer['json']) : null };
}

const mois = '2026-10';
const cellule = 'modalite libelle effectif montant secret';
const rsaParCommune = /* GraphQL */ `
  query RsaParCommune($mois: String!) {
    statistiques(mois: $mois) {
      caf { foyersParPrestation(par: COMMUNE, prestation: RSA) { dimension filtre { modalite } cellules { ${cellule} } total { ${cellule} } dateReference } }
      franceTravail { demandeursEmploi(par: CATEGORIE) { dimension cellules { ${cellule} } total { ${cellule} } dateReference } }
    }
  }
`;
type Cellule = { modalite: string; libelle: string; effectif: number | null; montant: number | null; secret: string | null };
type Tableau = { dimension: string; cellules: Cellule[]; total: Cellule; dateReference: string };

describe("the analysts' endpoint (/analystes/graphql)", () => {
  it("introspects as the analysts' contract: exactly the committed schema/api-analystes.graphql, no Usager", async () => {
    const answer = await analystes('{ __schema { types { name } queryType { fields { name } } mutationType { name } } }', {}, asAnalyste());
    expect(answer.json?.errors).toBeUndefined();
    const schema = answer.json!.data!.__schema as { types: Array<{ name: string }>; queryType: { fields: Array<{ name: string }> }; mutationType: null };
    const contract = buildSchema(readFileSync(analystesApiSchemaPath, 'utf8'));
    expect(schema.types.map((t) => t.name).sort()).toEqual(Object.keys(contract.getTypeMap()).sort());
    expect(schema.types.map((t) => t.name)).not.toContain('Usager');
    expect(schema.queryType.fields.map((f) => f.name).sort()).toEqual(Object.keys(contract.getQueryType()!.getFields()).sort());
    expect(schema.mutationType).toBeNull();
  });

  it("answers an ad-hoc query mixing partners' tables and a crossing, as on the main graph", async () => {
    const document = /* GraphQL */ `
      query TableauxEtCroisement($mois: String!) {
        statistiques(mois: $mois) {
          caf {
            foyersParPrestation(par: COMMUNE, prestation: RSA) {
              total {
                effectif
              }
            }
          }
          logementSocial {
            locatairesEnImpaye(par: BAILLEUR) {
              total {
                effectif
              }
            }
          }
          croisements {
            croisement(nom: RSA_ET_IMPAYE_LOYER) {
              effectif
              secret
            }
          }
        }
      }
    `;
    const answer = await analystes(document, { mois }, asAnalyste());
    expect(answer.json?.errors).toBeUndefined();
    const main = await query(federation, document, { mois }, asAnalyste());
    expect(main.errors).toBeUndefined();
    expect(answer.json!.data).toEqual(main.data);
    const croisement = (answer.json!.data!.statistiques as { croisements: { croisement: { effectif: number | null; secret: string | null } } }).croisements.croisement;
    expect(croisement.effectif === null ? croisement.secret : croisement.effectif).not.toBeNull();
  });

  it('answers aggregates and the reception network to an analyst, through the audit journal', async () => {
    const answer = await analystes(rsaParCommune, { mois }, asAnalyste());
    expect(answer.json?.errors).toBeUndefined();
    const caf = (answer.json!.data!.statistiques as { caf: { foyersParPrestation: Tableau } }).caf.foyersParPrestation;
    expect(caf.dimension).toBe('COMMUNE');
    expect(caf.cellules.some((c) => c.secret !== null)).toBe(true);
    // The same figures as the main graph's: one pipeline, one source.
    const main = await query<{ statistiques: { caf: { foyersParPrestation: Tableau } } }>(federation, rsaParCommune, { mois }, asAnalyste());
    expect(main.data!.statistiques.caf.foyersParPrestation).toEqual(caf);
    const lieux = await analystes('{ lieuxAccueil { nom } }', {}, asAnalyste());
    expect((lieux.json!.data!.lieuxAccueil as unknown[]).length).toBeGreaterThan(0);

    const records = readFileSync(journalPath, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"RsaParCommune"'))
      .map((line) => JSON.parse(line) as { record?: { roles: string[]; finalite: string; usagers: string[]; lectures: Record<string, string[]>; issue: string } });
    const record = records.map((r) => r.record).find((r) => r !== undefined && r.lectures.caf !== undefined);
    expect(record).toMatchObject({ roles: ['analyste'], finalite: 'statistique', usagers: [], issue: 'ok' });
    expect(record!.lectures.caf).toEqual(expect.arrayContaining(['StatistiquesCaf.foyersParPrestation']));
  });

  it('refuses at validation, naming the contract, an operation that names anything outside it', async () => {
    const answer = await analystes('{ usager(id: "x") { id } }', {}, asAnalyste());
    expect(answer.status).toBe(400);
    expect(answer.json?.errors).toEqual([
      {
        message: `Cannot query field "usager" on type "Query". The analysts' endpoint serves the analysts' contract only (schema/api-analystes.graphql): the aggregates under statistiques and the reception network.`,
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
    const mutation = await analystes('mutation { orienterUsager(usagerId: "x") { __typename } }', {}, asAnalyste());
    expect(mutation.status).toBe(400);
    expect(mutation.json?.errors?.[0]?.message).toMatch(/^Schema is not configured to execute mutation operation\. The analysts' endpoint serves/);
  });

  it.each([
    ['no token', null, 401],
    ['a référent', asReferent('ref-001'), 403],
    ['an analyst without the purpose statistique', { ...asAnalyste(), finalite: null }, 403],
  ] as const)('refuses %s before parsing anything (RESERVE_AUX_ANALYSTES)', async (_who, caller, status) => {
    const answer = await analystes(rsaParCommune, { mois }, caller);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({
      errors: [
        {
          message: '/analystes/graphql answers analysts only: a token with the role analyste, and the purpose statistique in x-passerelle-finalite.',
          extensions: { code: 'RESERVE_AUX_ANALYSTES', retryable: false },
        },
      ],
    });
  });

  it('has its own limits: more aliases than the main graph allows, within a cost bound', async () => {
    const months = Array.from({ length: 20 }, (_v, i) => `m${i}: statistiques(mois: "2025-${String((i % 12) + 1).padStart(2, '0')}") { mois }`).join('\n');
    const main = await query(federation, `{ ${months} }`, {}, asAnalyste());
    expect(main.errors?.map((e) => e.extensions?.code)).toEqual(['OPERATION_TROP_COMPLEXE']);
    const ok = await analystes(`{ ${months} }`, {}, asAnalyste());
    expect(ok.json?.errors).toBeUndefined();
    expect(Object.keys(ok.json!.data!)).toHaveLength(20);
    const tables = Array.from({ length: 90 }, (_v, i) => `t${i}: foyersParPrestation(par: COMMUNE) { cellules { ${cellule} montantMoyen } total { ${cellule} } }`).join('\n');
    const costly = await analystes(`{ statistiques(mois: "${mois}") { caf { ${tables} } } }`, {}, asAnalyste());
    expect(costly.status).toBe(400);
    expect(costly.json?.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['OPERATION_TROP_COMPLEXE', expect.stringMatching(/cost/i)]]);
  });
});

describe('an analyst through the main graph', () => {
  it('still reaches no person: every entry point to a usager is refused, nothing is fetched', async () => {
    const answer = await query(
      federation,
      '{ rechercherUsagers(identite: { nomNaissance: "rouquette", prenoms: ["marie helene"], dateNaissance: "1979-11-23" }) { usager { id } } }',
      {},
      asAnalyste(),
    );
    expect(answer.data).toEqual({ rechercherUsagers: null });
    expect(answer.errors).toEqual([{ message: 'Not authorized to read Query.rechercherUsagers', path: ['rechercherUsagers'], extensions: { code: 'ACCES_REFUSE' } }]);
  });
});

describe('CSV export (Accept: text/csv)', () => {
  it('gives one row per cell of each table, RFC 4180, suppressed cells empty with their reason', async () => {
    const json = await analystes(rsaParCommune, { mois }, asAnalyste());
    const csv = await analystes(rsaParCommune, { mois }, asAnalyste(), 'text/csv');
    expect([csv.status, csv.contentType]).toEqual([200, 'text/csv; charset=utf-8; header=present']);
    const lines = csv.raw.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('tableau,dimension,filtre,modalite,libelle,effectif,montant,montantMoyen,secret,dateReference');
    const data = json.json!.data!.statistiques as { caf: { foyersParPrestation: Tableau }; franceTravail: { demandeursEmploi: Tableau } };
    const expected = (name: string, t: Tableau, filtre: string) =>
      [...t.cellules, t.total].map((c) =>
        [name, t.dimension, filtre, c.modalite, /[",]/.test(c.libelle) ? `"${c.libelle.replace(/"/g, '""')}"` : c.libelle, c.effectif ?? '', c.montant ?? '', '', c.secret ?? '', t.dateReference].join(
          ',',
        ),
      );
    expect(lines.slice(1, -1)).toEqual([
      ...expected('statistiques.caf.foyersParPrestation', data.caf.foyersParPrestation, 'RSA'),
      ...expected('statistiques.franceTravail.demandeursEmploi', data.franceTravail.demandeursEmploi, ''),
    ]);
    const secret = lines.find((l) => l.includes(',EFFECTIF_INFERIEUR_AU_SEUIL,') || l.includes(',SECRET_SECONDAIRE,'))!;
    expect(secret.split(',').slice(5, 7)).toEqual(['', '']);
  });

  it('answers errors in JSON, and refuses a result without tables with 406', async () => {
    const refused = await analystes(rsaParCommune, { mois }, asReferent('ref-001'), 'text/csv');
    expect([refused.status, refused.json?.errors?.[0]?.extensions?.code]).toEqual([403, 'RESERVE_AUX_ANALYSTES']);
    const bad = await analystes(rsaParCommune, { mois: '2099-01' }, asAnalyste(), 'text/csv');
    expect(bad.contentType).toMatch(/^application\/json/);
    expect(bad.json?.errors?.map((e) => e.extensions?.code)).toContain('ARGUMENT_INVALIDE');
    const noTable = await analystes('{ lieuxAccueil { nom } }', {}, asAnalyste(), 'text/csv');
    expect(noTable.status).toBe(406);
    expect(noTable.json).toEqual({
      errors: [{ message: 'CSV holds aggregate tables (TableauStatistique) only, and this answer has none: select the tables’ `cellules`.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});
