import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import type { SystemKnobs } from '@passerelle/mocks';
import { legacyEnvForEverySystem } from '../src/e2e/legacyEnvForEverySystem';
import { asAccueil, asUsager, query, startTestFederation, testCodec, type GraphQLAnswer } from '../src/e2e/testFederation';

// Issue 11, item 5: each simulated legacy system in turn down, slow past its timeout, answering
// 500s, answering malformed payloads, flapping. Each time: partial data with the partner's error,
// the gateway healthy, the breaker opening (calls stop reaching the system) and closing again
// once the system is back (half-open probe), and no pile-up of calls during an outage. Short
// timeouts and breaker windows keep the suite fast; nothing asserts on speed.
const timeoutMs = 300;
const breakerFailures = 2;
const retries = 1;
const maxConcurrency = 8;

let federation: RunningFederation;
let usager: string;
let provisoire: string;
let lieu: string;
beforeAll(async () => {
  federation = await startTestFederation(
    legacyEnvForEverySystem({
      _LEGACY_TIMEOUT_MS: String(timeoutMs),
      _LEGACY_RETRIES: String(retries),
      _LEGACY_RETRY_DELAY_MS: '5',
      _LEGACY_BREAKER_FAILURES: String(breakerFailures),
      _LEGACY_BREAKER_OPEN_MS: '250',
      _LEGACY_MAX_CONCURRENCY: String(maxConcurrency),
    }),
  );
  usager = testCodec.encode(federation.population.persona('rsa-isolee').nir);
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
  provisoire = created.data!.creerIdentiteProvisoire.usager.id;
  const lieux = await query<{ lieuxAccueil: Array<{ id: string }> }>(federation, '{ lieuxAccueil { id } }', {}, asAccueil());
  lieu = lieux.data!.lieuxAccueil[0]!.id;
});
afterAll(() => federation.stop());

type Path = Array<string | number>;
interface Probe {
  /** The partner named in the errors (the legacy client's `partenaire`). */
  partenaire: string;
  /** Where its errors land. */
  paths: Path[];
  run(): Promise<GraphQLAnswer>;
  /** What the rest of the answer must still hold. */
  intact(answer: GraphQLAnswer): void;
}

type Read = { usager: { identite: { nomNaissance: string } | null } | null };
/** The usager reads their identity and one partner's `selection`: the identity register and that partner's system are asked. */
const partner = (partenaire: string, selection: string, ...paths: Path[]): Probe => ({
  partenaire,
  paths,
  run: () => query(federation, `query($id: ID!) { usager(id: $id) { identite { nomNaissance } ${selection} } }`, { id: usager }, asUsager(usager)),
  intact: (answer) => expect((answer.data as Read | null)?.usager?.identite).toEqual({ nomNaissance: 'Delmas' }),
});
/** Reception reads a place of its network and a usager's identity (by NIR, or a provisional identity). */
const reception = (partenaire: string, paths: Path[], id: () => string, intact: (data: { lieuAccueil: unknown; usager: unknown } | null | undefined) => void): Probe => ({
  partenaire,
  paths,
  run: () => query(federation, 'query($u: ID!, $l: ID!) { lieuAccueil(id: $l) { nom } usager(id: $u) { identite { nomNaissance } } }', { u: id(), l: lieu }, asAccueil()),
  intact: (answer) => intact(answer.data as { lieuAccueil: unknown; usager: unknown } | null),
});

const bailleurs = 'logementSocial { bailleurs { bailleur { code } rapprochement { statut } } }';
const chambres = 'chambresConsulaires { chambres { rapprochement { statut } } }';
const probes: Record<string, Probe> = {
  sngi: reception(
    'identite',
    [['usager']],
    () => usager,
    (data) => expect(data?.lieuAccueil).toMatchObject({ nom: expect.any(String) }),
  ),
  rip: reception(
    'identite',
    [['usager']],
    () => provisoire,
    (data) => expect(data?.lieuAccueil).toMatchObject({ nom: expect.any(String) }),
  ),
  accueil: reception(
    'accueil',
    [['lieuAccueil']],
    () => usager,
    (data) => expect(data?.usager).toEqual({ identite: { nomNaissance: 'Delmas' } }),
  ),
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

const unavailable = (p: Probe) =>
  p.paths.map((path) => ({ message: `The ${p.partenaire} system is unavailable.`, path, extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: p.partenaire, retryable: true } }));
const tooSlow = (p: Probe) =>
  p.paths.map((path) => ({ message: `The ${p.partenaire} system did not answer in time.`, path, extensions: { code: 'PARTENAIRE_DELAI_DEPASSE', partenaire: p.partenaire, retryable: true } }));
const malformed = (p: Probe) =>
  p.paths.map((path) => ({
    message: `The ${p.partenaire} system answered with an unexpected payload (at (root)).`,
    path,
    extensions: { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: p.partenaire, retryable: false },
  }));

const calls = (system: string) => federation.simulator.stats()[system] ?? 0;
const healthy = async () => expect((await fetch(`${federation.gatewayUrl}/health`)).status).toBe(200);
const set = (system: string, knobs: Partial<SystemKnobs>) => federation.simulator.setKnobs(system, knobs);
const normal: Partial<SystemKnobs> = { down: false, errorRate: 0, latencyMs: 0, malformed: false };

/** Asks until the answer has no error: the breaker's half-open probe succeeded and closed it (bounded: 200 tries, 20 ms apart). */
async function recovered(probe: Probe): Promise<GraphQLAnswer> {
  let answer = await probe.run();
  for (let attempt = 0; attempt < 200 && answer.errors !== undefined; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    answer = await probe.run();
  }
  return answer;
}

/** The fault's errors on the first request, then the breaker open (no call reaches the system), then recovery once the system is back. */
async function opensAndRecovers(system: string, fault: Partial<SystemKnobs>, firstErrors: (p: Probe) => unknown[]): Promise<void> {
  const probe = probes[system]!;
  set(system, fault);
  try {
    const first = await probe.run();
    expect(first.status).toBe(200);
    expect(first.errors).toEqual(firstErrors(probe));
    probe.intact(first);
    await healthy();
    // 1 + `retries` attempts have failed: at least `breakerFailures`, so the breaker is open.
    const before = calls(system);
    const open = await probe.run();
    expect(open.errors).toEqual(unavailable(probe));
    probe.intact(open);
    expect(calls(system)).toBe(before);
  } finally {
    set(system, normal);
  }
  const back = await recovered(probe);
  expect(back.errors).toBeUndefined();
  probe.intact(back);
  const after = calls(system);
  expect((await probe.run()).errors).toBeUndefined();
  expect(calls(system)).toBeGreaterThan(after);
}

const systems = () => Object.keys(federation.simulator.stats());

it('has a probe for every simulated legacy system', () => {
  expect(Object.keys(probes).sort()).toEqual(systems().sort());
});

describe.each(Object.keys(probes))('the %s system', (system) => {
  it('down (503): partial data with PARTENAIRE_INDISPONIBLE naming it; the breaker opens and closes again once it is back', () => opensAndRecovers(system, { down: true }, unavailable));

  it('answering 500s: the same', () => opensAndRecovers(system, { errorRate: 1 }, unavailable));

  it('slow past its timeout: PARTENAIRE_DELAI_DEPASSE, then the breaker opens and closes again once it is fast', () => opensAndRecovers(system, { latencyMs: timeoutMs * 5 }, tooSlow));

  it('answering malformed payloads: PARTENAIRE_REPONSE_INVALIDE, never retried, and the breaker stays closed (the system answers)', async () => {
    const probe = probes[system]!;
    set(system, { malformed: true });
    try {
      const before = calls(system);
      const first = await probe.run();
      const during = calls(system);
      expect(first.status).toBe(200);
      expect(first.errors).toEqual(malformed(probe));
      probe.intact(first);
      await healthy();
      const second = await probe.run();
      expect(second.errors).toEqual(malformed(probe));
      // Each request reached the system again, and as often as the first (no retry of a payload).
      expect(calls(system) - during).toBe(during - before);
      expect(during - before).toBeGreaterThan(0);
    } finally {
      set(system, normal);
    }
    expect((await probe.run()).errors).toBeUndefined();
  });

  it('flapping (down one request, up the next): every answer whole or with its partner error only, calls bounded, whole again once stable', async () => {
    const probe = probes[system]!;
    const before = calls(system);
    const rounds = 6;
    try {
      for (let round = 0; round < rounds; round++) {
        set(system, { down: round % 2 === 0 });
        const answer = await probe.run();
        expect(answer.status).toBe(200);
        if (answer.errors !== undefined) expect(answer.errors).toEqual(unavailable(probe));
        probe.intact(answer);
      }
      await healthy();
    } finally {
      set(system, normal);
    }
    // At most 1 + `retries` attempts per legacy call, and a probe makes at most 2 calls to one system (France Travail: identification, then the file).
    expect(calls(system) - before).toBeLessThanOrEqual(rounds * 2 * (1 + retries));
    expect((await recovered(probe)).errors).toBeUndefined();
  });

  it('no pile-up during an outage: 20 requests at once reach the system at most the bulkhead’s width plus the breaker’s threshold', async () => {
    const probe = probes[system]!;
    set(system, { down: true });
    try {
      const before = calls(system);
      const answers = await Promise.all(Array.from({ length: 20 }, () => probe.run()));
      for (const answer of answers) {
        expect(answer.errors).toEqual(unavailable(probe));
        probe.intact(answer);
      }
      // Without the breaker: 20 requests × (1 + retries) attempts.
      expect(calls(system) - before).toBeLessThanOrEqual(maxConcurrency + breakerFailures);
      await healthy();
    } finally {
      set(system, normal);
    }
    expect((await recovered(probe)).errors).toBeUndefined();
  });
});
