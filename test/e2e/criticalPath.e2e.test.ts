import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBenchCommand } from '../src/e2e/runBenchCommand';
import type { CoreWait } from '../src/bench/coreWaits';
import type { CriticalPath } from '../src/bench/criticalPath';

/**
 * `npm run bench:critical-path`, shortened: Passerelle and every subgraph from their bundles with
 * tracing on, the spans collected, each request's path split. No figure is asserted but the
 * plan's shape: a smoke run on a busy machine measures nothing.
 */
describe('npm run bench:critical-path', () => {
  it('traces each full file through the bundles and splits its path: the identity lookup, then the partners, each legacy call matched to the journal', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-critical-path-test-')), 'critical-path.json');
    const args = ['--requests', '3', '--warmup', '3', '--population', '2000', '--out', out];
    const { status: code, stdout, stderr } = await runBenchCommand('runCriticalPath', args);
    expect([code, stderr.includes('failed') ? stderr : '']).toEqual([0, '']);
    expect(stdout).toMatch(/^\| whole request \(the gateway’s root span\) \| \d+\.\d \|/m);
    // Each process's time on a core and waiting for one, from the scheduler's counts.
    expect(stdout).toMatch(/^\| gateway \(Passerelle\) \| \d+\.\d \| \d+\.\d \|$/m);

    const json = JSON.parse(readFileSync(out, 'utf8')) as { failed: number; paths: CriticalPath[]; coreWaits: CoreWait[] };
    expect(json.failed).toBe(0);
    expect(json.coreWaits.map((w) => w.process)).toEqual(expect.arrayContaining(['gateway (Passerelle)', 'subgraph identite', 'subgraph etat', 'simulator']));
    expect(json.coreWaits.find((w) => w.process === 'gateway (Passerelle)')!.onCoreMs).toBeGreaterThan(0);
    expect(json.paths).toHaveLength(3);
    for (const p of json.paths) {
      // The segments tile the request; at least the identity lookup and one partner's call one after the other.
      const covered = Object.values(p.byCategory).reduce((sum, ms) => sum + ms, 0);
      expect(Math.abs(covered - p.totalMs)).toBeLessThan(0.01);
      expect(p.legacyCalls).toBeGreaterThanOrEqual(2);
      expect(p.unmatchedCalls).toBe(0);
      expect(p.segments.find((s) => s.category === 'legacy')).toMatchObject({ service: 'identite', system: 'sngi' });
      expect(p.byCategory.legacy).toBeGreaterThanOrEqual(2 * 39);
    }
  }, 180_000);
});
