import { expect } from '@jest/globals';
import { errorCodes } from '@passerelle/subgraph-kit';
import { createPopulation } from '@passerelle/mocks';
import { buildSchema, parse, validate } from 'graphql';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { discoverSubgraphs } from '@passerelle/subgraph-kit/discovery';
import { configTable, configTables, subgraphConfigTable } from '@passerelle/dev';
import { documentedOperations, quickStartOf, readDoc, repositoryRoot } from '../src/docs/documentedOperations';

// The documentation against the code: README.md keeps the quick start and the overview, docs/
// the reference; every table that mirrors the code is checked against it here.
const readme = readDoc('README.md');

describe('README.md', () => {
  it('starts with the quick start and its two commands', () => {
    expect(readme.match(/^## .*/m)?.[0]).toBe('## Quick start');
    const quickStart = quickStartOf(readme);
    expect(quickStart).toContain('npm ci && npm start');
    expect(quickStart).toContain('npm test');
  });

  it('keeps the overview sections and links every page of docs/', () => {
    const sections = [...readme.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['Quick start', 'What it is', 'The path of one request', 'Figures', 'Layout', 'Publish your subgraph', 'Documentation']);
    const pages = readdirSync(path.join(repositoryRoot, 'docs')).filter((f) => f.endsWith('.md'));
    expect(pages.filter((page) => !readme.includes(`](docs/${page})`))).toEqual([]);
  });
});

describe('docs/configuration.md and the subgraph READMEs', () => {
  const tableIn = (text: string) => /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(text)?.[1];

  it('documents every configuration variable with its current default (run `npm run config:table -- --write`)', () => {
    expect(tableIn(readDoc('docs/configuration.md'))).toBe(configTable());
    for (const subgraph of discoverSubgraphs()) {
      const file = path.join(subgraph.dir, 'README.md');
      expect([file, existsSync(file) ? tableIn(readFileSync(file, 'utf8')) : '(no README.md)']).toEqual([file, subgraphConfigTable(subgraph.load())]);
    }
  });

  it('writes the shared table to docs/configuration.md', () => {
    expect(configTables()[0]).toEqual({ file: path.join(repositoryRoot, 'docs', 'configuration.md'), table: configTable() });
  });

  it('shows every default as text: no `[object …]`, a map as name=value pairs or (none)', () => {
    const tables = configTables()
      .map((t) => t.table)
      .join('\n');
    expect(tables).not.toContain('[object ');
    expect(configTable()).toContain('| `SUBGRAPH_URLS` | gateway | `(none)` |');
  });

  it("documents each subgraph's own variables only in its folder, and every shared one in docs/configuration.md", () => {
    const rowsOf = (table: string) => [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    const shared = rowsOf(configTable());
    const own = discoverSubgraphs().flatMap((s) => rowsOf(subgraphConfigTable(s.load())));
    expect(own.filter((v) => shared.includes(v))).toEqual([]);
    expect(shared).toEqual(expect.arrayContaining(['LOG_LEVEL', 'GATEWAY_CONTEXT_JWKS', 'GATEWAY_CONTEXT_KEYS', 'USAGER_ID_SECRET', 'AUDIT_JOURNAL_PATH']));
    expect(own).toEqual(expect.arrayContaining(['CAF_PORT', 'CAF_LEGACY_URL', 'BAILLEURS_AH_LEGACY_API_KEY', 'JOURNAL_HOST']));
  });
});

describe('docs/personas.md', () => {
  it('has one row per persona of mocks/, and none other', () => {
    const keys = createPopulation({ size: 0 }).personas.map((p) => p.key);
    const rows = [...readDoc('docs/personas.md').matchAll(/^\| `([a-z0-9-]+)` +\|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual([...keys].sort());
  });
});

describe('docs/examples.md and the quick start', () => {
  it('give example operations that are valid against the committed API schema', () => {
    const api = buildSchema(readFileSync(require.resolve('@passerelle/schema/api.graphql'), 'utf8'));
    const operations = documentedOperations();
    expect(operations.length).toBeGreaterThanOrEqual(9);
    for (const { file, name, document } of operations) {
      expect([file, name, validate(api, parse(document)).map((e) => e.message)]).toEqual([file, name, []]);
    }
  });
});

describe('docs/error-codes.md', () => {
  it('lists every code of the registry, and only those, with whether to retry', () => {
    const rows = [...readDoc('docs/error-codes.md').matchAll(/^\| `([A-Z_]+)` +\|.*\| *(yes|no) *\|$/gm)].map((m) => [m[1]!, m[2]!]);
    const registry = Object.entries(errorCodes).map(([code, { retryable }]) => [code, retryable ? 'yes' : 'no']);
    const byCode = (a: string[], b: string[]) => (a[0]! < b[0]! ? -1 : 1);
    expect(rows.sort(byCode)).toEqual(registry.sort(byCode));
  });
});

/** Every markdown file of the repository, outside installed and generated folders. */
function markdownFiles(dir = repositoryRoot): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (['node_modules', '.git', '.turbo', '.passerelle', 'dist', 'coverage'].includes(name)) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return name.endsWith('.md') ? [full] : [];
  });
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

describe('links between documents', () => {
  it('point at files that exist, and at headings that exist', () => {
    const broken: string[] = [];
    for (const file of markdownFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue; // https:, mailto:: outside the repository.
        const [relative, anchor] = target!.split('#') as [string, string | undefined];
        const resolved = relative === '' ? file : path.resolve(path.dirname(file), relative);
        const where = `${path.relative(repositoryRoot, file)} → ${target}`;
        if (!existsSync(resolved)) {
          broken.push(`${where}: no such file`);
          continue;
        }
        if (anchor !== undefined && resolved.endsWith('.md')) {
          const headings = [...readFileSync(resolved, 'utf8').matchAll(/^#+ (.*)$/gm)].map((m) => anchorOf(m[1]!));
          if (!headings.includes(anchor)) broken.push(`${where}: no such heading`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
