import { errorCodes } from '@passerelle/subgraph-kit';
import { buildSchema, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configTable } from '../src/configTable';

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it('starts with the two quick-start commands', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## What it is'));
    expect(quickStart).toContain('npm ci && npm start');
    expect(quickStart).toContain('npm test');
  });

  it('documents every configuration variable with its current default (run `npm run config:table`)', () => {
    const between = /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(readme);
    expect(between?.[1]).toBe(configTable());
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
