import { ConfigError, readConfig, type ConfigSpec } from '@passerelle/subgraph-kit';
import { allEnvSpecs } from '../src/configTable';
import { subgraphServices } from '../src/federationServices';

/** Every subgraph's environment, as the README's table lists them. */
const subgraphSpecs = allEnvSpecs.filter(([process]) => subgraphServices.some((service) => service.name === process));

function problemsOf(spec: ConfigSpec, env: NodeJS.ProcessEnv): string[] {
  try {
    readConfig(spec, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('every subgraph in production mode (PASSERELLE_MODE=production)', () => {
  it('lists them all', () => {
    expect(subgraphSpecs.map(([name]) => name).sort()).toEqual(subgraphServices.map((service) => service.name).sort());
  });

  it.each(subgraphSpecs)('%s refuses to start on the development context keys, USAGER_ID_SECRET and legacy API keys', (_name, spec) => {
    const variables = Object.values(spec).map((variable) => variable.env);
    const expected = variables.filter((variable) => variable.endsWith('_LEGACY_API_KEY') || variable === 'USAGER_ID_SECRET' || variable === 'GATEWAY_CONTEXT_JWKS');
    expect(expected).toContain('GATEWAY_CONTEXT_JWKS');
    expect(problemsOf(spec, { PASSERELLE_MODE: 'production' }).map((problem) => problem.slice(0, problem.indexOf(':')))).toEqual(expected);
    expect(problemsOf(spec, {})).toEqual([]);
  });
});
