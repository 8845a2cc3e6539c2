import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import type { SystemKnobs } from '@passerelle/mocks';
import { legacyEnvForEverySystem } from './legacyEnvForEverySystem';
import { asAccueil, asUsager, query, startTestFederation, testCodec, type GraphQLAnswer } from './testFederation';

/**
 * The fault suites' settings for every legacy system (test/e2e/legacyOutages.e2e.test.ts,
 * legacyFaults.e2e.test.ts): short breaker windows so that they run fast, a timeout long enough
 * that a busy machine does not time out a healthy system (a timeout counts against its breaker),
 * and a breaker open long enough that the request right after the one that opened it still finds
 * it open on a busy machine: at 250 ms, a clean clone's CI run with other processes on both cores
 * saw a half-open probe reach the slow system between the two (37 calls against 36).
 */
export const faultSettings = { timeoutMs: 1_000, retries: 1, breakerFailures: 2, breakerOpenMs: 750, maxConcurrency: 4 } as const;

type Path = Array<string | number>;
/** How one legacy system is reached through the graph, and where its failures show. */
export interface Probe {
  /** The partner named in the errors (the legacy client's `partenaire`). */
  partenaire: string;
  /** Where its errors land. */
  paths: Path[];
  run(): Promise<GraphQLAnswer>;
  /** What the rest of the answer must still hold. */
  intact(answer: GraphQLAnswer): void;
}

/** Every simulated legacy system the suites probe (one of them checks this is all of the simulator's). */
export const probedSystems = ['sngi', 'rip', 'accueil', 'caf', 'msa', 'cpam', 'carsat', 'france-travail', 'region', 'siao', 'rah', 'ah', 'cci', 'cma', 'chambre-agriculture', 'departement'] as const;

export interface FaultBench {
  federation: RunningFederation;
  probes: Record<(typeof probedSystems)[number], Probe>;
  /** Calls the simulator received for `system` so far. */
  calls(system: string): number;
  set(system: string, knobs: Partial<SystemKnobs>): void;
  /** Every knob of `system` back to normal. */
  restore(system: string): void;
  /** The gateway's /health answers 200. */
  healthy(): Promise<void>;
  /** Asks until the answer has no error (the breaker's half-open probe closed it; bounded: 200 tries, 20 ms apart), and returns it. */
  recovered(probe: Probe): Promise<GraphQLAnswer>;
  stop(): Promise<void>;
}

/** The errors a probe's answer carries when its system fails in each way. */
export const expectedErrors = {
  unavailable: (p: Probe) =>
    p.paths.map((path) => ({ message: `The ${p.partenaire} system is unavailable.`, path, extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: p.partenaire, retryable: true } })),
  tooSlow: (p: Probe) =>
    p.paths.map((path) => ({ message: `The ${p.partenaire} system did not answer in time.`, path, extensions: { code: 'PARTENAIRE_DELAI_DEPASSE', partenaire: p.partenaire, retryable: true } })),
  malformed: (p: Probe) =>
    p.paths.map((path) => ({
      message: `The ${p.partenaire} system answered with an unexpected payload (at (root)).`,
      path,
      extensions: { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: p.partenaire, retryable: false },
    })),
};

type Read = { usager: { identite: { nomNaissance: string } | null } | null };

/** Starts the federation with `faultSettings` and builds one probe per legacy system. */
export async function startFaultBench(): Promise<FaultBench> {
  const federation = await startTestFederation(
    legacyEnvForEverySystem({
      _LEGACY_TIMEOUT_MS: String(faultSettings.timeoutMs),
      _LEGACY_RETRIES: String(faultSettings.retries),
      _LEGACY_RETRY_DELAY_MS: '5',
      _LEGACY_BREAKER_FAILURES: String(faultSettings.breakerFailures),
      _LEGACY_BREAKER_OPEN_MS: String(faultSettings.breakerOpenMs),
      _LEGACY_MAX_CONCURRENCY: String(faultSettings.maxConcurrency),
      // Each fault must reach the system on the next request: a cached answer (5 s by default,
      // subgraphs/kit/src/legacy/createLegacyReads.ts) would hide it, and these tests count calls.
      _LEGACY_CACHE_TTL_MS: '0',
    }),
  );
  const usager = testCodec.encode(federation.population.persona('rsa-isolee').nir);
  // A provisional identity (issue 9): the register of provisional identities is asked about it.
  const person = federation.population.persona('demandeur-emploi');
  const created = await query<{ creerIdentiteProvisoire: { usager: { id: string } } }>(
    federation,
    'mutation($i: IdentiteDeclareeInput!) { creerIdentiteProvisoire(identite: $i) { usager { id } } }',
    {
      i: {
        nomNaissance: person.nomNaissance,
        prenoms: person.prenoms,
        sexe: person.sexe === 1 ? 'M' : 'F',
        dateNaissance: person.dateNaissance.slice(0, 7),
        lieuNaissance: { code: person.lieuNaissance.code, libelle: person.lieuNaissance.libelle },
      },
    },
    asAccueil(),
  );
  const provisoire = created.data!.creerIdentiteProvisoire.usager.id;
  const lieux = await query<{ lieuxAccueil: Array<{ id: string }> }>(federation, '{ lieuxAccueil { id } }', {}, asAccueil());
  const lieu = lieux.data!.lieuxAccueil[0]!.id;

  /** The usager reads their identity and one partner's `selection`: the identity register and that partner's system are asked. */
  const partner = (partenaire: string, selection: string, ...paths: Path[]): Probe => ({
    partenaire,
    paths,
    run: () => query(federation, `query($id: ID!) { usager(id: $id) { identite { nomNaissance } ${selection} } }`, { id: usager }, asUsager(usager)),
    intact: (answer) => expect((answer.data as Read | null)?.usager?.identite).toEqual({ nomNaissance: 'Delmas' }),
  });
  /** Reception reads a place of its network and a usager's identity (by NIR, or a provisional identity). */
  const reception = (partenaire: string, paths: Path[], id: string, intact: (data: { lieuAccueil: unknown; usager: unknown } | null) => void): Probe => ({
    partenaire,
    paths,
    run: () => query(federation, 'query($u: ID!, $l: ID!) { lieuAccueil(id: $l) { nom } usager(id: $u) { identite { nomNaissance } } }', { u: id, l: lieu }, asAccueil()),
    intact: (answer) => intact(answer.data as { lieuAccueil: unknown; usager: unknown } | null),
  });
  const placeIntact = (data: { lieuAccueil: unknown } | null) => expect(data?.lieuAccueil).toMatchObject({ nom: expect.any(String) });
  const bailleurs = 'logementSocial { bailleurs { bailleur { code } rapprochement { statut } } }';
  const chambres = 'chambresConsulaires { chambres { rapprochement { statut } } }';
  const probes: FaultBench['probes'] = {
    sngi: reception('identite', [['usager']], usager, placeIntact),
    rip: reception('identite', [['usager']], provisoire, placeIntact),
    accueil: reception('accueil', [['lieuAccueil']], usager, (data) => expect(data?.usager).toEqual({ identite: { nomNaissance: 'Delmas' } })),
    caf: partner('caf', 'caf { numeroAllocataire }', ['usager', 'caf']),
    msa: partner('msa', 'msa { numeroAdherent }', ['usager', 'msa']),
    cpam: partner('cpam', 'cpam { regime }', ['usager', 'cpam']),
    carsat: partner('carsat', 'carsat { trimestresValides }', ['usager', 'carsat']),
    'france-travail': partner('france-travail', 'franceTravail { identifiant }', ['usager', 'franceTravail']),
    region: partner('region', 'formationProfessionnelle { numeroStagiaire }', ['usager', 'formationProfessionnelle']),
    siao: partner('siao', 'hebergement { demandes { reference } }', ['usager', 'hebergement']),
    rah: partner('rah', bailleurs, ['usager', 'logementSocial', 'bailleurs', 0]),
    ah: partner('ah', bailleurs, ['usager', 'logementSocial', 'bailleurs', 1]),
    cci: partner('cci', chambres, ['usager', 'chambresConsulaires', 'chambres', 0]),
    cma: partner('cma', chambres, ['usager', 'chambresConsulaires', 'chambres', 1]),
    'chambre-agriculture': partner('chambre-agriculture', chambres, ['usager', 'chambresConsulaires', 'chambres', 2]),
    departement: partner('departement', 'rsa { etat }', ['usager', 'rsa']),
  };

  const recovered = async (probe: Probe): Promise<GraphQLAnswer> => {
    let answer = await probe.run();
    for (let attempt = 0; attempt < 200 && answer.errors !== undefined; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await probe.run();
    }
    return answer;
  };
  return {
    federation,
    probes,
    calls: (system) => federation.simulator.stats()[system] ?? 0,
    set: (system, knobs) => federation.simulator.setKnobs(system, knobs),
    restore: (system) => federation.simulator.setKnobs(system, { down: false, errorRate: 0, latencyMs: 0, malformed: false }),
    healthy: async () => expect((await fetch(`${federation.gatewayUrl}/health`)).status).toBe(200),
    recovered,
    stop: () => federation.stop(),
  };
}
