import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBenchCommand } from '../src/e2e/runBenchCommand';
import { defaultGatewayKeys, settingKeys, variantKeys, type RowSummary } from '../src/bench/benchTypes';

/**
 * `npm run bench -- --quick`: every process of the bench starts, each gateway answers every
 * scenario, and the tables and the JSON come out well formed. No figure is asserted but the
 * errors: a smoke run on a busy machine measures nothing.
 */
describe('npm run bench -- --quick', () => {
  it('runs end to end: two tables with a row per scenario, variant and gateway, no request failed, the JSON beside', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-test-')), 'bench.json');
    const { status: code, stdout, stderr } = await runBenchCommand('runBench', ['--quick', '--out', out]);
    expect([code, stderr.includes('bench failed') ? stderr : '']).toEqual([0, '']);

    const scenarios = ['full file of a persona', '`usagers(ids:)` × 50', 'presence list of 100', 'caseload of 50 (`monPortefeuille`)', 'identity search (`rechercherUsagers`)'];
    const tableRows = stdout.split('\n').filter((line) => scenarios.some((s) => line.startsWith(`| ${s} |`)));
    // 2 settings × 5 scenarios × 2 variants × 3 gateways, each row with every column filled.
    expect(tableRows).toHaveLength(2 * 5 * 2 * 3);
    expect(stdout.split('\n').filter((line) => /^\|---/.test(line))).toEqual(['|---'.repeat(14) + '|', '|---'.repeat(13) + '|']);
    for (const line of tableRows)
      expect(
        line
          .split('|')
          .slice(1, -1)
          .every((cell) => cell.trim() !== ''),
      ).toBe(true);

    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      rows: RowSummary[];
      rounds: unknown[];
      meta: { node: string };
      plans: Record<string, Record<string, Array<{ sequentialCalls: number }>>>;
    };
    expect(json.meta.node).toBe(process.version);
    const keys = json.rows.map((r) => `${r.setting} ${r.scenario} ${r.variant} ${r.gateway}`).sort();
    const expected = settingKeys
      .flatMap((s) => ['full-file', 'list-50', 'presence-100', 'caseload-50', 'search'].flatMap((sc) => variantKeys.flatMap((v) => defaultGatewayKeys.map((g) => `${s} ${sc} ${v} ${g}`))))
      .sort();
    expect(keys).toEqual(expected);
    expect(json.rounds).toHaveLength(expected.length);
    // Every gateway answered every scenario, without any error (the signed context is accepted, the operation planned).
    // (Answered at all: a smoke run's half-second window may close before the slowest rows' first answer.)
    expect(json.rows.filter((r) => r.answered === 0 || r.errors > 0).map((r) => `${r.setting} ${r.scenario} ${r.variant} ${r.gateway}: ${r.errors} errors ${r.errorCodes.join(',')}`)).toEqual([]);
    // The cold variant bypasses the legacy caches: every request reaches the partners' systems. The same-usager
    // variant may be served by the caches after its first request.
    for (const row of json.rows) {
      expect([row.gateway, row.variant === 'same' || row.requests === 0 || row.partnerLegacyCallsPerRequest > 0, row.gatewayCpuMsPerRequest >= 0, row.requests === 0 || row.p50 > 0]).toEqual([
        row.gateway,
        true,
        true,
        true,
      ]);
    }
    expect(json.rows.filter((r) => r.setting === 'latency').every((r) => Number.isInteger(r.sequentialRoundTrips))).toBe(true);
    // The smoke run probes each gateway's plan for the full file (probePlans.ts): the partners are asked
    // after the identity lookup, so at least two calls one after the other; its bound simulated at 40 ± 20 ms.
    expect(Object.keys(json.plans)).toEqual(['full-file']);
    expect(Object.entries(json.plans['full-file']!).map(([gateway, plans]) => [gateway, plans.every((p) => p.sequentialCalls >= 2)])).toEqual(defaultGatewayKeys.map((g) => [g, true]));
    const simulated = json.rows.filter((r) => r.setting === 'latency' && r.scenario === 'full-file').map((r) => r.simulatedBound?.p50 ?? 0);
    expect(simulated.every((p50) => p50 >= 40)).toBe(true);
  }, 400_000);
});
