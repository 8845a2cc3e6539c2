import { errorCodes } from '@passerelle/subgraph-kit';
import { buildSchema, parse, validate } from 'graphql';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { discoverSubgraphs } from '@passerelle/subgraph-kit/discovery';
import { configTable, configTables, subgraphConfigTable } from '@passerelle/dev';

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it('starts with the two quick-start commands', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## What it is'));
    expect(quickStart).toContain('npm ci && npm start');
    expect(quickStart).toContain('npm test');
  });

  it('documents every configuration variable with its current default (run `npm run config:table -- --write`)', () => {
    const tableIn = (text: string) => /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(text)?.[1];
    expect(tableIn(readme)).toBe(configTable());
    for (const subgraph of discoverSubgraphs()) {
      const file = path.join(subgraph.dir, 'README.md');
      expect([file, existsSync(file) ? tableIn(readFileSync(file, 'utf8')) : '(no README.md)']).toEqual([file, subgraphConfigTable(subgraph.load())]);
    }
  });

  it('shows every default as text: no `[object …]`, a map as name=value pairs or (none)', () => {
    const tables = configTables().map((t) => t.table).join('\n');
    expect(tables).not.toContain('[object ');
    expect(configTable()).toContain('| `SUBGRAPH_URLS` | gateway | `(none)` |');
  });

  it('documents each subgraph\'s own variables only in its folder, and every shared one in the README', () => {
    const rowsOf = (table: string) => [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    const shared = rowsOf(configTable());
    const own = discoverSubgraphs().flatMap((s) => rowsOf(subgraphConfigTable(s.load())));
    expect(own.filter((v) => shared.includes(v))).toEqual([]);
    expect(shared).toEqual(expect.arrayContaining(['LOG_LEVEL', 'GATEWAY_CONTEXT_JWKS', 'GATEWAY_CONTEXT_KEYS', 'USAGER_ID_SECRET', 'AUDIT_JOURNAL_PATH']));
    expect(own).toEqual(expect.arrayContaining(['CAF_PORT', 'CAF_LEGACY_URL', 'BAILLEURS_AH_LEGACY_API_KEY', 'JOURNAL_HOST']));
  });

  it('documents every persona', () => {
    for (const key of ['rsa-isolee', 'couple-parent-1', 'couple-parent-2', 'retraite-aspa', 'nom-usage', 'homonyme-rodez', 'homonyme-millau', 'ne-en-corse', 'ne-a-l-etranger', 'registre-seul', 'exploitant-agricole', 'demandeur-emploi', 'sans-domicile']) {
      expect(readme).toContain(`\`${key}\``);
    }
  });

  it('gives example operations that are valid against the committed API schema', () => {
    const api = buildSchema(readFileSync(require.resolve('@passerelle/schema/api.graphql'), 'utf8'));
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(7);
    for (const example of examples) {
      expect([example, validate(api, parse(example)).map((e) => e.message)]).toEqual([example, []]);
    }
  });

  it('documents every error code of the registry', () => {
    for (const code of Object.keys(errorCodes)) expect(readme).toContain(`| \`${code}\` |`);
  });
});
