import { ConfigError } from '@passerelle/subgraph-kit';
import { landlordClientConfig } from '../src/config';
import { bailleursEnv, loadBailleursConfig } from '../src/index';

describe('bailleurs configuration', () => {
  it('defaults to the simulators, one legacy client per landlord', () => {
    const config = loadBailleursConfig({});
    expect(config.port).toBe(4005);
    expect(landlordClientConfig(config, 'rah')).toEqual({
      baseUrl: 'http://127.0.0.1:4100/rah',
      apiKey: 'dev-rah-4a90e7',
      timeoutMs: 5000,
      retries: 3,
      retryDelayMs: 50,
      breakerFailures: 10,
      breakerOpenMs: 5000,
      cacheMaxEntries: 1000,
      cacheTtlMs: 'byKind',
      maxConcurrency: 8,
      maxQueue: 10_000,
    });
    expect(landlordClientConfig(config, 'ah')).toEqual({
      baseUrl: 'http://127.0.0.1:4100/ah',
      apiKey: 'dev-ah-e81f5b',
      timeoutMs: 5000,
      retries: 3,
      retryDelayMs: 50,
      breakerFailures: 10,
      breakerOpenMs: 5000,
      cacheMaxEntries: 1000,
      cacheTtlMs: 'byKind',
      maxConcurrency: 8,
      maxQueue: 10_000,
    });
  });

  it('reads each landlord from its own variables, documented with its name', () => {
    const config = loadBailleursConfig({ BAILLEURS_RAH_LEGACY_URL: 'https://rah.example/api/', BAILLEURS_AH_LEGACY_MAX_CONCURRENCY: '3', BAILLEURS_AH_LEGACY_API_KEY: 'ah-secret-key' });
    expect(landlordClientConfig(config, 'rah').baseUrl).toBe('https://rah.example/api');
    expect(landlordClientConfig(config, 'ah')).toMatchObject({ apiKey: 'ah-secret-key', maxConcurrency: 3 });
    expect(bailleursEnv.rahLegacyUrl).toMatchObject({ env: 'BAILLEURS_RAH_LEGACY_URL', doc: "Rodez Agglo Habitat: Base URL of the partner's existing system." });
    expect(bailleursEnv.ahLegacyApiKey.env).toBe('BAILLEURS_AH_LEGACY_API_KEY');
    expect(new Set(Object.values(bailleursEnv).map((v) => v.env)).size).toBe(Object.keys(bailleursEnv).length);
  });

  it('names every malformed variable, without echoing its value', () => {
    expect(() => loadBailleursConfig({ BAILLEURS_RAH_LEGACY_TIMEOUT_MS: 'soon', BAILLEURS_AH_LEGACY_API_KEY: 'short' })).toThrow(ConfigError);
    try {
      loadBailleursConfig({ BAILLEURS_RAH_LEGACY_TIMEOUT_MS: 'soon', BAILLEURS_AH_LEGACY_API_KEY: 'short' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual(['BAILLEURS_RAH_LEGACY_TIMEOUT_MS: expected an integer between 100 and 120000', 'BAILLEURS_AH_LEGACY_API_KEY: expected at least 8 characters']);
      expect((error as Error).message).not.toContain('short');
    }
  });
});
