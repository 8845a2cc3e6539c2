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
});
