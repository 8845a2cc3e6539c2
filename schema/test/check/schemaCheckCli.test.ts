import { spawnSync } from 'node:child_process';
import path from 'node:path';

const cli = path.resolve(__dirname, '../../src/cli/schemaCheck.ts');
const tsx = require.resolve('tsx/cli');
const run = (...args: string[]) => spawnSync(process.execPath, [tsx, cli, ...args], { encoding: 'utf8' });

describe('npm run schema:check (CLI)', () => {
  it('exits 2 with the usage on an unknown argument', () => {
    const result = run('--nope');
    expect({ status: result.status, stderr: result.stderr, stdout: result.stdout }).toEqual({
      status: 2,
      stderr: 'unknown or incomplete argument --nope\nusage: npm run schema:check [-- --base <git ref>]\n',
      stdout: '',
    });
  });

  it('exits 2 naming a --base git cannot resolve', () => {
    const result = run('--base', 'no-such-ref-anywhere');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 2, stderr: 'schema:check cannot run: --base no-such-ref-anywhere: git knows no such commit, branch or tag\n' });
  });
});
