import { envBool, envEnum, envInt, envPort, envUrl } from '../src/config/envParsers';
import { ConfigError, defineEnv, readConfig } from '../src/config/readConfig';
import { legacyEnv, serverEnv } from '../src/config/commonEnv';

const spec = {
  port: defineEnv('X_PORT', 4000, envPort, 'port'),
  url: defineEnv('X_URL', 'http://localhost:1', envUrl, 'url'),
  debug: defineEnv('X_DEBUG', false, envBool, 'debug'),
  level: defineEnv('X_LEVEL', 'info' as const, envEnum('info', 'warn'), 'level'),
  count: defineEnv('X_COUNT', 3, envInt(1, 10), 'count'),
};

describe('readConfig', () => {
  it('uses the documented defaults when variables are unset or empty', () => {
    expect(readConfig(spec, { X_URL: '' })).toEqual({ port: 4000, url: 'http://localhost:1', debug: false, level: 'info', count: 3 });
  });

  it('parses typed values and trims the trailing slash of URLs', () => {
    expect(readConfig(spec, { X_PORT: '0', X_URL: 'https://caf.example/api/', X_DEBUG: 'yes', X_LEVEL: 'warn', X_COUNT: '10' })).toEqual({
      port: 0,
      url: 'https://caf.example/api',
      debug: true,
      level: 'warn',
      count: 10,
    });
  });

  it('names every malformed variable, without echoing the values', () => {
    let error: unknown;
    try {
      readConfig(spec, { X_PORT: '70000', X_URL: 'ftp://secret-host', X_DEBUG: 'maybe', X_LEVEL: 'loud', X_COUNT: '2.5' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'X_PORT: expected an integer between 0 and 65535',
      'X_URL: expected an absolute http(s) URL',
      'X_DEBUG: expected true or false',
      'X_LEVEL: expected one of info, warn',
      'X_COUNT: expected an integer between 1 and 10',
    ]);
    expect((error as Error).message).not.toContain('secret-host');
  });

  it('builds the common server and legacy variables from a prefix', () => {
    const config = readConfig({ ...serverEnv('CAF', 4002), ...legacyEnv('CAF', 'http://127.0.0.1:4100/caf', 'dev-key-123') }, { CAF_LEGACY_TIMEOUT_MS: '2500' });
    expect(config).toEqual({
      port: 4002,
      host: '127.0.0.1',
      logLevel: 'info',
      legacyUrl: 'http://127.0.0.1:4100/caf',
      legacyApiKey: 'dev-key-123',
      legacyTimeoutMs: 2500,
      legacyRetries: 3,
      legacyRetryDelayMs: 50,
      legacyBreakerFailures: 10,
      legacyBreakerOpenMs: 5000,
      legacyCache: true,
      legacyCacheMaxEntries: 1000,
      // Unset: each read kind's default (legacy/legacyReadKind.ts).
      legacyCacheTtlMs: undefined,
      legacyMaxConcurrency: 8,
      legacyMaxQueue: 10_000,
    });
  });
});
