import { expect } from '@jest/globals';
import { formatSchemaCheckReport, runSchemaCheck, type BreakingChangeAcknowledgement } from '../../src/check';
import { cafSdl, edit, inputWith } from './fixtures';

const withoutCodePostal = edit(cafSdl, /\n {2}"Postcode of the household."\n {2}codePostal: String! [^\n]*/.exec(cafSdl)![0], '');
const ack = (type: string, path: string): BreakingChangeAcknowledgement => ({
  type,
  path,
  reason: 'No front-end reads it (checked with both teams).',
  date: '2025-06-02',
  acknowledgedBy: 'Camille Martin',
});

describe('runSchemaCheck: changes', () => {
  it('passes a clean federation with no change', async () => {
    const report = await runSchemaCheck(inputWith());
    expect(report).toMatchObject({ ok: true, composition: { ok: true }, operations: { checked: 1, failures: [] }, lint: [] });
    expect(report.changes?.changes).toEqual([]);
    expect(formatSchemaCheckReport(report)).toContain('Schema check passed.');
  });

  it('fails on an unacknowledged breaking change and tells how to acknowledge it', async () => {
    const report = await runSchemaCheck(inputWith({ caf: withoutCodePostal }));
    expect(report.ok).toBe(false);
    expect(report.changes?.unacknowledged).toEqual([
      { severity: 'BREAKING', type: 'FIELD_REMOVED', path: 'DossierCaf.codePostal', message: "Field 'codePostal' was removed from object type 'DossierCaf'", reason: expect.any(String) },
    ]);
    const text = formatSchemaCheckReport(report);
    expect(text).toContain("✗ FIELD_REMOVED DossierCaf.codePostal: Field 'codePostal' was removed from object type 'DossierCaf'");
    expect(text).toContain('add to "acknowledgements" in schema/breaking-changes.json');
    expect(text).toContain('"type": "FIELD_REMOVED",\n      "path": "DossierCaf.codePostal"');
    expect(text).toContain('Schema check FAILED: 1 unacknowledged breaking change(s).');
  });

  it('passes the same breaking change once acknowledged', async () => {
    const acknowledgement = ack('FIELD_REMOVED', 'DossierCaf.codePostal');
    const report = await runSchemaCheck(inputWith({ caf: withoutCodePostal }, { acknowledgements: [acknowledgement] }));
    expect(report.ok).toBe(true);
    expect(report.changes).toMatchObject({ unacknowledged: [], unused: [], acknowledged: [{ change: { type: 'FIELD_REMOVED', path: 'DossierCaf.codePostal' }, acknowledgement }] });
    expect(formatSchemaCheckReport(report)).toContain('[acknowledged by Camille Martin on 2025-06-02: No front-end reads it (checked with both teams).]');
  });

  it('reports an acknowledgement that matches no change without failing', async () => {
    const report = await runSchemaCheck(inputWith({}, { acknowledgements: [ack('FIELD_REMOVED', 'DossierCaf.ancien')] }));
    expect(report.ok).toBe(true);
    expect(report.changes?.unused).toEqual([ack('FIELD_REMOVED', 'DossierCaf.ancien')]);
    expect(formatSchemaCheckReport(report)).toContain('acknowledged in schema/breaking-changes.json, not a change against this base: FIELD_REMOVED DossierCaf.ancien');
  });

  it('passes a dangerous change with a warning', async () => {
    const report = await runSchemaCheck(inputWith({ caf: edit(cafSdl, '  "Closed."\n  CLOS\n', '  "Closed."\n  CLOS\n  "Suspended."\n  SUSPENDU\n') }));
    expect(report.ok).toBe(true);
    expect(report.changes?.changes.filter((c) => c.severity !== 'SAFE')).toEqual([
      {
        severity: 'DANGEROUS',
        type: 'ENUM_VALUE_ADDED',
        path: 'StatutCaf.SUSPENDU',
        message: "Enum value 'SUSPENDU' was added to enum 'StatutCaf'",
        reason: expect.stringContaining('Adding an enum value may break existing clients'),
      },
    ]);
    expect(formatSchemaCheckReport(report)).toContain(
      "DANGEROUS (1): pass, but check the front-ends handle them\n  ! ENUM_VALUE_ADDED StatutCaf.SUSPENDU: Enum value 'SUSPENDU' was added to enum 'StatutCaf'",
    );
  });

  it('fails a change that breaks a persisted operation, even when acknowledged', async () => {
    const withoutStatut = edit(cafSdl, /\n {2}"State of the file."\n {2}statut: StatutCaf! [^\n]*/.exec(cafSdl)![0], '');
    const report = await runSchemaCheck(
      inputWith(
        { caf: withoutStatut },
        {
          acknowledgements: [ack('FIELD_REMOVED', 'DossierCaf.statut')],
          operations: [
            { name: 'Dossier', source: 'gateway/operations/Dossier.graphql', body: 'query Dossier($id: ID!) { usager(id: $id) { caf { statut } } }' },
            { name: 'Dossier', source: 'gateway/persisted-operations.json', body: 'query Dossier($id: ID!) { usager(id: $id) { caf { statut } } }' },
          ],
        },
      ),
    );
    expect(report.ok).toBe(false);
    expect(report.changes?.unacknowledged).toEqual([]);
    expect(report.operations).toEqual({
      checked: 2,
      failures: [
        { name: 'Dossier', sources: ['gateway/operations/Dossier.graphql', 'gateway/persisted-operations.json'], errors: ['Cannot query field "statut" on type "DossierCaf". (line 1, column 51)'] },
      ],
    });
    const text = formatSchemaCheckReport(report);
    expect(text).toContain('✗ Dossier (gateway/operations/Dossier.graphql, gateway/persisted-operations.json)\n      Cannot query field "statut" on type "DossierCaf". (line 1, column 51)');
    expect(text).toContain('cannot be acknowledged: update the operation in gateway/operations first');
    expect(text).toContain('Schema check FAILED: 1 broken persisted operation(s).');
  });

  it('marks the changes that api.graphql on disk does not have yet', async () => {
    const onDisk = { sdl: (await import('./fixtures')).cleanApiSdl(), label: 'schema/api.graphql on disk' };
    const report = await runSchemaCheck(inputWith({ caf: withoutCodePostal }, { onDisk, acknowledgements: [ack('FIELD_REMOVED', 'DossierCaf.codePostal')] }));
    expect(report.changes?.onDisk?.notComposed.map((c) => `${c.type} ${c.path}`)).toEqual(['FIELD_REMOVED DossierCaf.codePostal']);
    const text = formatSchemaCheckReport(report);
    expect(text).toContain('; not in api.graphql yet]');
    expect(text).toContain('schema/api.graphql on disk is stale: 1 change(s) not written yet — run `npm run compose`');
  });
});

describe('runSchemaCheck: composition errors', () => {
  const adresse = (type: string) => `\n"An address."\ntype Adresse @shareable {\n  "Town."\n  commune: ${type}\n}\n`;
  const share = (sdl: string) => edit(sdl, '"@key", "@inaccessible"', '"@key", "@shareable", "@inaccessible"');

  it('explains a field type mismatch naming both subgraphs and the field, and skips what needs a composed schema', async () => {
    const report = await runSchemaCheck(inputWith({ identite: share((await import('./fixtures')).identiteSdl) + adresse('String'), caf: share(cafSdl) + adresse('Int') }));
    expect(report).toMatchObject({ ok: false, changes: null, operations: null });
    expect(report.composition).toEqual({
      ok: false,
      errors: [
        {
          code: 'FIELD_TYPE_MISMATCH',
          subgraphs: ['caf', 'identite'],
          coordinates: ['Adresse.commune'],
          explanation: expect.stringContaining('the field has incompatible types in these subgraphs. Give it the same type'),
          message: 'Type of field "Adresse.commune" is incompatible across subgraphs: it has type "Int" in subgraph "caf" but type "String" in subgraph "identite"',
        },
      ],
    });
    const text = formatSchemaCheckReport(report);
    expect(text).toContain('✗ FIELD_TYPE_MISMATCH — subgraph(s) caf, identite — Adresse.commune\n    the field has incompatible types');
    expect(text).toContain('== Changes ==\nskipped: composition failed');
    expect(text).toContain('Schema check FAILED: composition.');
  });

  it('explains a field resolved by two subgraphs without @shareable', async () => {
    const report = await runSchemaCheck(
      inputWith({
        caf: edit(cafSdl, '  "The CAF file."', `  "Civil name."\n  nom: String! @requiresScopes(scopes: [["role:accueil"], ["role:referent"], ["role:agent"], ["role:usager"]])\n  "The CAF file."`),
      }),
    );
    expect(report.composition).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_FIELD_SHARING', subgraphs: ['caf', 'identite'], coordinates: ['Usager.nom'], explanation: expect.stringContaining('@shareable') }],
    });
  });

  it('names the subgraph that is not valid GraphQL', async () => {
    const report = await runSchemaCheck(inputWith({ caf: cafSdl.replace('type DossierCaf {', 'type DossierCaf {{') }));
    expect(report.composition).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_GRAPHQL', subgraphs: ['caf'], explanation: expect.stringContaining('not valid GraphQL'), message: expect.stringMatching(/^\[caf\] Syntax Error/) }],
    });
  });

  it('explains a @requires on fields the subgraph does not declare', async () => {
    const requires = edit(
      edit(cafSdl, '"@external"', '"@external", "@requires"'),
      '  "The CAF file."',
      '  "Computed."\n  calcul: Int @requires(fields: "inconnu") @requiresScopes(scopes: [["role:referent"]])\n  "The CAF file."',
    );
    const report = await runSchemaCheck(inputWith({ caf: requires }));
    expect(report.composition).toMatchObject({
      ok: false,
      errors: [
        { code: 'REQUIRES_INVALID_FIELDS', subgraphs: ['caf'], coordinates: ['Usager.calcul'], explanation: expect.stringContaining('Declare each required field in this subgraph with @external') },
      ],
    });
  });
});
