import { ConfigError } from '@passerelle/subgraph-kit';
import { franceTravailEnv, loadFranceTravailConfig } from '../src/index';

describe('france-travail configuration', () => {
  it('defaults to port 4006 and the simulator', () => {
    expect(loadFranceTravailConfig({})).toMatchObject({ port: 4006, legacyUrl: 'http://127.0.0.1:4100/france-travail', legacyApiKey: 'dev-ft-3a9c47', legacyTimeoutMs: 5000, legacyMaxConcurrency: 8 });
    expect(Object.values(franceTravailEnv).map((v) => v.env)).toEqual(expect.arrayContaining(['FRANCE_TRAVAIL_PORT', 'FRANCE_TRAVAIL_LEGACY_URL', 'FRANCE_TRAVAIL_LEGACY_API_KEY']));
  });

  it('names a malformed variable, without echoing its value', () => {
    try {
      loadFranceTravailConfig({ FRANCE_TRAVAIL_PORT: 'x', FRANCE_TRAVAIL_LEGACY_API_KEY: 'short' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['FRANCE_TRAVAIL_PORT', 'FRANCE_TRAVAIL_LEGACY_API_KEY']);
      expect((error as Error).message).not.toContain('short');
    }
  });
});
