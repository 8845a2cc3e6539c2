import { everyPortFree, subgraphServices } from '../src/index';

describe('subgraphServices', () => {
  it('starts every discovered subgraph, in port order, with its port variable and its simulated systems', () => {
    const services = subgraphServices();
    // A partner scaffolded since (npm run subgraph:new) starts after them.
    expect(services.slice(0, 11).map((s) => [s.name, s.portVariable])).toEqual([
      ['identite', 'IDENTITE_PORT'],
      ['caf', 'CAF_PORT'],
      ['cpam', 'CPAM_PORT'],
      ['carsat', 'CARSAT_PORT'],
      ['bailleurs', 'BAILLEURS_PORT'],
      ['france-travail', 'FRANCE_TRAVAIL_PORT'],
      ['msa', 'MSA_PORT'],
      ['etat', 'ETAT_PORT'],
      ['departement', 'DEPARTEMENT_PORT'],
      ['accueil', 'ACCUEIL_PORT'],
      ['journal', 'JOURNAL_PORT'],
    ]);
    expect(services.find((s) => s.name === 'etat')?.legacyUrls).toEqual({ ETAT_LEGACY_URL: 'siao' });
  });

  it('puts every process on a free port for tests', () => {
    const env = everyPortFree();
    expect(Object.keys(env)).toHaveLength(3 + subgraphServices().length);
    expect(new Set(Object.values(env))).toEqual(new Set(['0']));
    expect(env).toMatchObject({ SIMULATEUR_PORT: '0', GATEWAY_PORT: '0', DEV_IDP_PORT: '0', JOURNAL_PORT: '0' });
  });
});
