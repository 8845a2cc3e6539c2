import { expect } from '@jest/globals';
import { repositoryRoot } from '@passerelle/subgraph-kit/discovery';
import { partnerNames } from '../src/scaffold/partnerNames';
import { ScaffoldError, validateScaffold } from '../src/scaffold/validateScaffold';

const refusal = (request: Parameters<typeof validateScaffold>[1]) => {
  try {
    validateScaffold(repositoryRoot, request);
  } catch (error) {
    return error instanceof ScaffoldError ? error.message : `not a ScaffoldError: ${String(error)}`;
  }
  return 'accepted';
};

describe('partnerNames', () => {
  it('derives every name the templates need from the code', () => {
    expect(partnerNames('mission-locale', 'Mission locale de Rodez', 4012)).toEqual({
      code: 'mission-locale',
      libelle: 'Mission locale de Rodez',
      camel: 'missionLocale',
      pascal: 'MissionLocale',
      envPrefix: 'MISSION_LOCALE',
      numberPrefix: 'ML',
      devApiKey: expect.stringMatching(/^dev-mission-locale-[0-9a-f]{6}$/),
      port: 4012,
    });
    expect(partnerNames('ccas', 'CCAS de Rodez', 4013)).toMatchObject({ camel: 'ccas', pascal: 'Ccas', envPrefix: 'CCAS', numberPrefix: 'CCA' });
    expect(partnerNames('ccas', 'x', 1).devApiKey).toBe(partnerNames('ccas', 'y', 2).devApiKey);
  });
});

describe('validateScaffold', () => {
  it('accepts a new partner on the next free port after the highest declared', () => {
    // A name no partner will take, so the test holds after any scaffold.
    const names = validateScaffold(repositoryRoot, { name: 'essai-validation', libelle: ' Essai de validation ' });
    expect(names).toMatchObject({ code: 'essai-validation', libelle: 'Essai de validation', port: expect.any(Number) });
    expect(names.port).toBeGreaterThan(4011);
    expect(validateScaffold(repositoryRoot, { name: 'essai-validation', libelle: 'Essai de validation', port: 4050 }).port).toBe(4050);
  });

  it.each([
    [
      { name: 'MissionLocale', libelle: 'Mission locale' },
      '"MissionLocale" is not a valid subgraph name: lower-case letters and digits in kebab-case (e.g. mission-locale), 2 to 31 characters, starting with a letter.',
    ],
    [{ name: 'mission--locale', libelle: 'Mission locale' }, '"mission--locale" is not a valid subgraph name'],
    [{ name: '1ccas', libelle: 'CCAS' }, '"1ccas" is not a valid subgraph name'],
    [{ name: 'caf', libelle: 'CAF' }, '"caf" is taken: a subgraph of that name exists (@passerelle/subgraph-caf).'],
    [{ name: 'kit', libelle: 'Le kit' }, '"kit" is taken: subgraphs/kit exists.'],
    [{ name: 'sngi', libelle: 'Registre' }, '"sngi" is taken: mocks/src/simulators/sngi exists.'],
    [{ name: 'gateway', libelle: 'Passerelle' }, '"gateway" is taken: the variable GATEWAY_PORT is already read by another process.'],
    [{ name: 'synthese', libelle: 'Synthèse' }, '"synthese" is taken: Usager already has a field synthese.'],
    [{ name: 'essai-validation', libelle: 'Mission "locale"' }, '--partenaire must be the partner\'s name for people, 3 to 120 characters on one line, without " or \\.'],
    [{ name: 'essai-validation', libelle: 'ML' }, '--partenaire must be'],
    [{ name: 'essai-validation', libelle: 'Mission locale', port: 4002 }, 'port 4002 is taken by @passerelle/subgraph-caf.'],
    [{ name: 'essai-validation', libelle: 'Mission locale', port: 4100 }, 'port 4100 is the default port of the simulator.'],
    [{ name: 'essai-validation', libelle: 'Mission locale', port: 80 }, '--port must be an integer between 1024 and 65535.'],
  ])('refuses %j, saying why', (request, message) => {
    expect(refusal(request)).toContain(message);
  });
});
