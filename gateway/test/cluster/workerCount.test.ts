import { ConfigError } from '@passerelle/subgraph-kit';
import { loadGatewayConfig } from '../../src/config';
import { cgroupCpuLimit, resolveWorkerCount } from '../../src/cluster/workerCount';
import { createRestartPolicy } from '../../src/cluster/restartPolicy';
import { workerWriterId } from '../../src/cluster/workerWriterId';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadGatewayConfig(env);
    return [];
  } catch (error) {
    return error instanceof ConfigError ? error.problems : [String(error)];
  }
}

describe('GATEWAY_WORKERS and GATEWAY_SHUTDOWN_TIMEOUT_MS', () => {
  it('default to one process and 25 s, below Kubernetes’ 30 s termination grace period', () => {
    const config = loadGatewayConfig({});
    expect([config.workers, config.shutdownTimeoutMs]).toEqual([1, 25_000]);
    expect([loadGatewayConfig({ GATEWAY_WORKERS: 'auto' }).workers, loadGatewayConfig({ GATEWAY_WORKERS: '4', GATEWAY_SHUTDOWN_TIMEOUT_MS: '0' }).workers]).toEqual(['auto', 4]);
  });

  it.each(['0', '65', 'two', '1.5', '-1', 'AUTO'])('refuses GATEWAY_WORKERS=%p naming the variable', (value) => {
    expect(problemsOf({ GATEWAY_WORKERS: value })).toEqual(['GATEWAY_WORKERS: expected `auto` or an integer between 1 and 64']);
  });

  it.each(['-1', '600001', 'soon'])('refuses GATEWAY_SHUTDOWN_TIMEOUT_MS=%p naming the variable', (value) => {
    expect(problemsOf({ GATEWAY_SHUTDOWN_TIMEOUT_MS: value })).toEqual(['GATEWAY_SHUTDOWN_TIMEOUT_MS: expected an integer between 0 and 600000']);
  });

  it('resolves `auto` to the cores available, bounded by a cgroup CPU quota; a number as given', () => {
    expect([resolveWorkerCount('auto', 8, null), resolveWorkerCount('auto', 8, 2), resolveWorkerCount('auto', 2, 4), resolveWorkerCount(3, 8, 1)]).toEqual([8, 2, 2, 3]);
    expect([
      cgroupCpuLimit(() => 'max 100000\n'),
      cgroupCpuLimit(() => '150000 100000\n'),
      cgroupCpuLimit(() => '50000 100000'),
      cgroupCpuLimit(() => {
        throw new Error('ENOENT');
      }),
    ]).toEqual([null, 2, 1, null]);
  });
});

describe('restarting a worker that died', () => {
  it('waits longer at each crash of the same slot within the window, and gives up after maxCrashes', () => {
    const policy = createRestartPolicy({ baseMs: 100, maxMs: 1000, maxCrashes: 5, windowMs: 60_000 });
    const delays = [0, 1, 2, 3, 4, 5].map((i) => policy.crashed(1, 1000 * i));
    expect(delays).toEqual([100, 200, 400, 800, 1000, null]);
    // Another slot counts its own crashes; a crash after the window starts again from the base delay.
    expect([policy.crashed(2, 6000), policy.crashed(3, 0), policy.crashed(3, 70_000)]).toEqual([100, 100, 100]);
  });
});

describe('the PostgreSQL chain of each worker', () => {
  it('is the process’s writer id with :w<slot>, and refuses an id too long for its suffix', () => {
    expect(workerWriterId('gw-a', 2, 1234)).toBe('gw-a:w2');
    expect(workerWriterId('', 1, 1234)).toMatch(/^[A-Za-z0-9._@-]+:1234:w1$/);
    expect(() => workerWriterId('x'.repeat(126), 10, 1)).toThrow('AUDIT_WRITER_ID is too long for 10 workers: with the suffix :w10 it must stay within 128 characters.');
  });
});
