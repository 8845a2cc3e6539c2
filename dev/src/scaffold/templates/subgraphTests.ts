import type { PartnerNames } from '../partnerNames';
import { personaRecords } from './simulator';

const statut = { O: 'OUVERT', S: 'SUSPENDU', C: 'CLOS' } as const;
const iso = (legacy: string) => `${legacy.slice(0, 4)}-${legacy.slice(4, 6)}-${legacy.slice(6, 8)}`;

/** test/<camel>.integration.test.ts: the subgraph on port 0, its legacy system through msw (the kit's testing helpers in mocks/src/testing). */
export function integrationTestTs(n: PartnerNames): string {
  const personaCases = personaRecords
    .map(
      (r) =>
        `    ['${r.persona}', { numeroDossier: '${n.numberPrefix}-${String(r.numero).padStart(6, '0')}', statut: '${statut[r.etat]}', dateOuverture: '${iso(r.ouverture)}', dateMiseAJour: '${iso(r.maj)}' }],`,
    )
    .join('\n');
  return `import { createPopulation, legacySystem, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type PersonaKey } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, load${n.pascal}Config } from '../src/index';

const rechercheUrl = \`\${testUrlOf('${n.code}')}/api/v1/dossiers/recherche\`;
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['${n.code}'],
  start: () =>
    createServer(load${n.pascal}Config({ ${n.envPrefix}_PORT: '0', ${n.envPrefix}_LEGACY_URL: testUrlOf('${n.code}'), ${n.envPrefix}_LEGACY_API_KEY: legacySystem('${n.code}').devApiKey }), silentLogger),
});

/** The calls the partner's system received during the current test. */
const legacyCalls = () => bed.calls('${n.code}').count();
/** Resolves usagers by NIR, as the gateway asks this subgraph. */
const entities = (nirs: string[], selection: string) => queryEntities<{ ${n.camel}: Record<string, unknown> | null }>(bed.server, nirs.map((nir) => ({ nir })), selection);
const nirOf = (key: PersonaKey) => population.persona(key).nir;
const fullFile = '${n.camel} { numeroDossier statut dateOuverture dateMiseAJour antenne }';

describe('${n.code} subgraph', () => {
  it.each<[PersonaKey, Record<string, unknown>]>([
${personaCases}
  ])('serves the file of persona %s in ISO dates, with the state as an enum', async (key, expected) => {
    const result = await entities([nirOf(key)], fullFile);
    expect(result).toEqual({ data: { _entities: [{ ${n.camel}: { ...expected, antenne: population.persona(key).adresse.commune } }] } });
    expect(legacyCalls()).toBe(1);
  });

  it('answers null without error for a persona without a file, an unknown NIR and a malformed one, spending no call on the malformed one', async () => {
    const result = await entities([nirOf('registre-seul'), unknownNir(), 'not-a-nir'], '${n.camel} { numeroDossier }');
    expect(result).toEqual({ data: { _entities: [{ ${n.camel}: null }, { ${n.camel}: null }, { ${n.camel}: null }] } });
    expect(legacyCalls()).toBe(1);
  });

  it('answers 50 representations in order with one call, and splits 51 into two', async () => {
    const nirs = population.personnes.slice(0, 50).map((p) => p.nir);
    const result = await entities(nirs, '${n.camel} { numeroDossier statut }');
    expect(result.errors).toBeUndefined();
    const files = result.data!._entities.map((e) => e?.${n.camel} ?? null);
    expect(files).toHaveLength(50);
    // Derived from the population: some people have a file, most do not.
    expect(files.filter((f) => f !== null).length).toBeGreaterThan(0);
    expect(files.filter((f) => f === null).length).toBeGreaterThan(25);
    for (const file of files) if (file) expect(file.numeroDossier).toMatch(/^${n.numberPrefix}-\\d{6}$/);
    expect(legacyCalls()).toBe(1);
    // 51 other people: the same 50 again would be served from the legacy read cache (subgraphs/kit/README.md).
    await entities(population.personnes.slice(50, 101).map((p) => p.nir), '${n.camel} { numeroDossier }');
    expect(legacyCalls()).toBe(3);
  });

  it('turns an outage of the partner\\'s system into PARTENAIRE_INDISPONIBLE for each usager, without the legacy URL', async () => {
    bed.legacy.use(http.post(rechercheUrl, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await entities([nirOf('rsa-isolee'), nirOf('sans-domicile')], '${n.camel} { numeroDossier }');
    expect(result.data?._entities).toEqual([{ ${n.camel}: null }, { ${n.camel}: null }]);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['_entities', 0, '${n.camel}'], { code: 'PARTENAIRE_INDISPONIBLE', partenaire: '${n.code}', retryable: true }],
      [['_entities', 1, '${n.camel}'], { code: 'PARTENAIRE_INDISPONIBLE', partenaire: '${n.code}', retryable: true }],
    ]);
    expect(JSON.stringify(result)).not.toContain('legacy.test');
  });

  it('reports a payload outside the documented format as PARTENAIRE_REPONSE_INVALIDE, without the NIR', async () => {
    bed.legacy.use(http.post(rechercheUrl, () => HttpResponse.json({ dossiers: [{ NIR: nirOf('rsa-isolee'), NUM_DOSSIER: '12', ETAT: 'X' }], non_trouves: 0 })));
    const result = await entities([nirOf('rsa-isolee')], '${n.camel} { numeroDossier }');
    expect(result.data?._entities).toEqual([{ ${n.camel}: null }]);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([[['_entities', 0, '${n.camel}'], { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: '${n.code}', retryable: false }]]);
    expect(JSON.stringify(result)).not.toContain(nirOf('rsa-isolee'));
  });
});
`;
}

/** test/mappers.test.ts: the legacy → graph mapping alone. */
export function mappersTestTs(n: PartnerNames): string {
  return `import { dossierSchema } from '../src/legacy/types';
import { toDossier${n.pascal} } from '../src/resolvers/Dossier${n.pascal}';

const legacy = { NIR: '286041220200135', NUM_DOSSIER: '${n.numberPrefix}-000101', ETAT: 'S', DATE_OUVERTURE: '20250312', DATE_MAJ: '20261002', ANTENNE: 'Rodez' } as const;

describe('toDossier${n.pascal}', () => {
  it('maps the state codes and the dates', () => {
    expect(toDossier${n.pascal}(dossierSchema.parse(legacy))).toEqual({ numeroDossier: '${n.numberPrefix}-000101', statut: 'SUSPENDU', dateOuverture: '2025-03-12', dateMiseAJour: '2026-10-02', antenne: 'Rodez' });
  });

  it.each([
    ['an undocumented state', { ...legacy, ETAT: 'X' }],
    ['a partial date', { ...legacy, DATE_OUVERTURE: '20250300' }],
    ['a file number of another format', { ...legacy, NUM_DOSSIER: '101' }],
  ])('refuses %s', (_case, payload) => {
    expect(dossierSchema.safeParse(payload).success).toBe(false);
  });
});
`;
}
