import { spawn } from 'node:child_process';
import path from 'node:path';
import { ConfigError } from '../src/config/readConfig';
import { devGatewayContextKeysPath } from '../src/contextKeys/devGatewayContextKeysPath';
import { readGatewayContextKeys } from '../src/contextKeys/readGatewayContextKeys';
import { signGatewayContext } from '../src/contextKeys/signGatewayContext';
import { gatewayContextHeader } from '../src/security/gatewayContextKey';
import { silentLogger } from '../src/logging/createLogger';
import { gatewayContextOptionsOf } from '../src/server/gatewayContextOptionsOf';
import { contextsBuilt, essai } from './fixtures/essaiSubgraph';

const repositoryRoot = path.resolve(__dirname, '../../..');
const tsx = path.join(repositoryRoot, 'node_modules/.bin/tsx');

async function greeting(url: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ greeting }' }) });
  return { status: response.status, body: await response.json() };
}

/** Runs the fixture's main in a child process; resolves with its exit code and stderr once it exits. */
function runEssai(env: NodeJS.ProcessEnv, onListening?: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(__dirname, 'fixtures/runEssai.ts')], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('subgraph listening')) onListening?.(child);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('defineSubgraph', () => {
  it('describes the subgraph: name, SDL path, environment', () => {
    expect(essai.name).toBe('essai');
    expect(essai.typeDefsPath).toBe(path.join(__dirname, 'fixtures/essai.graphql'));
    expect(Object.values(essai.env).map((v) => v.env)).toEqual([
      'ESSAI_PORT',
      'ESSAI_HOST',
      'LOG_LEVEL',
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'ESSAI_GREETING',
      'PASSERELLE_MODE',
      'GATEWAY_CONTEXT_JWKS',
      'GATEWAY_CONTEXT_TTL_S',
    ]);
  });

  it('reads its configuration with the kit, naming every malformed variable', () => {
    expect(essai.loadConfig({ ESSAI_GREETING: 'salut' })).toMatchObject({ port: 0, host: '127.0.0.1', greeting: 'salut' });
    expect(() => essai.loadConfig({ ESSAI_PORT: 'x', ESSAI_GREETING: 'a' })).toThrow(ConfigError);
    expect(() => essai.loadConfig({ ESSAI_PORT: 'x', ESSAI_GREETING: 'a' })).toThrow(
      'Invalid configuration:\n  - ESSAI_PORT: expected an integer between 0 and 65535\n  - ESSAI_GREETING: expected at least 3 characters',
    );
  });

  it('takes the gateway-context options from gatewayContextOptionsOf', () => {
    expect(gatewayContextOptionsOf(essai.loadConfig({ GATEWAY_CONTEXT_TTL_S: '30' }))).toEqual({ jwks: '', ttlS: 30, mode: 'dev' });
  });

  it('serves the resolvers with a context built per request, and only to the gateway', async () => {
    const before = { ...contextsBuilt };
    const server = await essai.createServer(essai.loadConfig({ ESSAI_GREETING: 'salut' }), silentLogger);
    try {
      expect(server.name).toBe('essai');
      const signed = {
        [gatewayContextHeader]: await signGatewayContext({ requestId: 'r-1', caller: null, finalite: null }, { key: readGatewayContextKeys(devGatewayContextKeysPath).signing, audience: 'essai' }),
      };
      expect(await greeting(server.url, signed)).toEqual({ status: 200, body: { data: { greeting: `salut #${before.count + 1}` } } });
      expect(await greeting(server.url, signed)).toEqual({ status: 200, body: { data: { greeting: `salut #${before.count + 2}` } } });
      expect((await greeting(server.url, {})).status).toBe(401);
      expect(contextsBuilt.servers).toBe(before.servers + 1);
    } finally {
      await server.stop();
    }
  });
});

describe('runSubgraph', () => {
  it('exits with status 2 and the message on a malformed variable, before listening', async () => {
    const result = await runEssai({ ESSAI_PORT: 'not-a-port' });
    expect(result).toEqual({ code: 2, stderr: 'Invalid configuration:\n  - ESSAI_PORT: expected an integer between 0 and 65535\n' });
  });

  it('stops and exits 0 on SIGTERM once listening', async () => {
    const result = await runEssai({ ESSAI_PORT: '0' }, (child) => child.kill('SIGTERM'));
    expect(result).toEqual({ code: 0, stderr: '' });
  });
});
