import { getResponse, http, HttpResponse } from 'msw';
import { createPopulation, createSimulatorServer, legacySystem, unknownNir, type LegacySystem, type RunningSimulator } from '../src/index';
import { legacyRoute } from '../src/simulators/legacyRoute';

let simulator: RunningSimulator;
const population = createPopulation({ size: 50, seed: 3 });
const sngi = legacySystem('sngi');

const lookup = (nirs: string[], key = sngi.devApiKey) =>
  fetch(`${simulator.urlOf('sngi')}/api/v1/individus/lot`, { method: 'POST', headers: { 'content-type': 'application/json', [sngi.apiKeyHeader]: key }, body: JSON.stringify({ nirs }) });
const admin = (path: string, init?: RequestInit) => fetch(`${simulator.url}/_admin${path}`, init);

beforeAll(async () => {
  simulator = await createSimulatorServer({ port: 0, host: '127.0.0.1', population, defaults: { latencyMs: 0, jitterMs: 0, errorRate: 0 } });
});
afterAll(() => simulator.stop());
beforeEach(async () => {
  await admin('/reset', { method: 'POST' });
  await admin('/systems/sngi', { method: 'PUT', body: JSON.stringify({ down: false, errorRate: 0, malformed: false }) });
});

describe('HTTP simulator', () => {
  it('serves a legacy system through its msw handlers over real HTTP', async () => {
    const persona = population.persona('rsa-isolee');
    const response = await lookup([persona.nir]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { individus: Array<{ NIR: string; DATE_NAISSANCE: string }>; non_trouves: number };
    expect(body.individus).toEqual([expect.objectContaining({ NIR: persona.nir, DATE_NAISSANCE: '19860417' })]);
  });

  it('counts calls per system and resets the counters', async () => {
    await lookup(['x']);
    await lookup(['x']);
    const stats = (await (await admin('/stats')).json()) as Record<string, number>;
    expect(stats.sngi).toBe(2);
    expect(Object.keys(stats)).toContain('sngi');
    expect(await (await admin('/reset', { method: 'POST' })).json()).toEqual(Object.fromEntries(Object.keys(stats).map((k) => [k, 0])));
  });

  it('lists when each call arrived and was answered, naming the request by a digest, and forgets them on reset', async () => {
    const persona = population.persona('rsa-isolee');
    await admin('/systems/sngi', { method: 'PUT', body: JSON.stringify({ latencyMs: 30 }) });
    try {
      await lookup([persona.nir]);
      await lookup([persona.nir]);
      await lookup(['x']);
    } finally {
      await admin('/systems/sngi', { method: 'PUT', body: JSON.stringify({ latencyMs: 0 }) });
    }
    const { calls, truncated } = (await (await admin('/calls')).json()) as { calls: Array<{ system: string; call: string; startMs: number; endMs: number }>; truncated: boolean };
    expect(truncated).toBe(false);
    expect(calls.map((c) => c.system)).toEqual(['sngi', 'sngi', 'sngi']);
    // The same request made again has the same digest; another body, another one.
    expect(calls[0]!.call).toBe(calls[1]!.call);
    expect(calls[2]!.call).not.toBe(calls[0]!.call);
    for (const c of calls) expect(c.endMs - c.startMs).toBeGreaterThanOrEqual(25);
    expect(calls[1]!.startMs).toBeGreaterThanOrEqual(calls[0]!.endMs - 1);
    // What was asked is never in the journal.
    expect(JSON.stringify(calls)).not.toContain(persona.nir);
    await admin('/reset', { method: 'POST' });
    expect(((await (await admin('/calls')).json()) as { calls: unknown[] }).calls).toEqual([]);
  });

  it('refuses a wrong API key with 401 (and still counts the call)', async () => {
    const response = await lookup(['x'], 'wrong');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code_erreur: 'AUTH_REFUSEE', libelle: "Clé d'API absente ou invalide" });
    expect(simulator.stats().sngi).toBe(1);
  });

  it('takes a system down and back up', async () => {
    expect((await admin('/systems/sngi', { method: 'PUT', body: JSON.stringify({ down: true }) })).status).toBe(200);
    expect((await lookup(['x'])).status).toBe(503);
    await admin('/systems/sngi', { method: 'PUT', body: JSON.stringify({ down: false }) });
    expect((await lookup(['x'])).status).toBe(200);
  });

  it('answers 500 at an error rate of 1', async () => {
    await admin('/systems/sngi', { method: 'PUT', body: JSON.stringify({ errorRate: 1 }) });
    expect((await lookup(['x'])).status).toBe(500);
  });

  it('answers 200 with a payload outside the documented format when malformed, and its documented payload again after', async () => {
    await admin('/systems/sngi', { method: 'PUT', body: JSON.stringify({ malformed: true }) });
    const response = await lookup(['x']);
    expect(response.status).toBe(200);
    expect(await response.json()).toBe('Réponse hors format');
    await admin('/systems/sngi', { method: 'PUT', body: JSON.stringify({ malformed: false }) });
    expect(await (await lookup(['x'])).json()).toMatchObject({ individus: [] });
  });

  it.each([
    [{ malformed: 1 }, 'malformed must be a boolean'],
    [{ errorRate: 2 }, 'errorRate must be a number in [0, 1]'],
    [{ latencyMs: -1 }, 'latencyMs must be an integer in [0, 60000]'],
    [{ down: 'yes' }, 'down must be a boolean'],
    [{ speed: 1 }, 'unknown setting speed'],
  ])('rejects invalid knobs %j with a clear message', async (body, error) => {
    const response = await admin('/systems/sngi', { method: 'PUT', body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error });
  });

  it("answers a call as msw's getResponse answers it on the same handlers", async () => {
    const siao = legacySystem('siao');
    const known = population.personnes.find((p) => population.demandesSiaoParRef.has(p.ref))!;
    const init = () => ({ method: 'POST', headers: { 'content-type': 'application/json', [siao.apiKeyHeader]: siao.devApiKey }, body: JSON.stringify({ nirs: [known.nir, unknownNir()] }) });
    const url = `${simulator.urlOf('siao')}/si-siao/v3/personnes/recherche-nir`;
    const overHttp = await fetch(url, init());
    const throughMsw = (await getResponse(siao.handlers(simulator.urlOf('siao'), population), new Request(url, init())))!;
    expect(overHttp.status).toBe(200);
    expect(throughMsw.status).toBe(200);
    const answer = (await overHttp.json()) as { personnes: unknown[]; nb_non_trouves: number };
    // A found person and a miss: the comparison covers a whole answer, not two empty ones.
    expect(answer.personnes).toHaveLength(1);
    expect(answer.nb_non_trouves).toBe(1);
    expect(answer).toEqual(await throughMsw.json());
    expect((await fetch(`${simulator.urlOf('siao')}/si-siao/v3/personnes/inconnu`, init())).status).toBe(404);
  });

  it('answers a response a route throws, runs what it scheduled with finalize, and still serves a system written with msw directly', async () => {
    const finalized: string[] = [];
    const direct: LegacySystem = {
      name: 'direct',
      prefix: '/direct',
      apiKeyHeader: 'X-Cle',
      devApiKey: 'k',
      maxBatchSize: 1,
      handlers: (baseUrl) => [
        legacyRoute.get(`${baseUrl}/refus/:code`, ({ params, finalize }) => {
          finalize(() => void finalized.push(String(params.code)));
          // msw lets a resolver throw its response (a refusal deep in a helper): the simulator must too.
          // eslint-disable-next-line @typescript-eslint/only-throw-error
          throw HttpResponse.json({ code_erreur: String(params.code) }, { status: 409 });
        }),
      ],
    };
    const viaMsw: LegacySystem = { ...direct, name: 'via-msw', prefix: '/via-msw', handlers: (baseUrl) => [http.get(`${baseUrl}/echo/:mot`, ({ params }) => HttpResponse.json({ mot: params.mot }))] };
    const own = await createSimulatorServer({ port: 0, host: '127.0.0.1', population, defaults: { latencyMs: 0, jitterMs: 0, errorRate: 0 }, systems: [direct, viaMsw] });
    try {
      const refused = await fetch(`${own.urlOf('direct')}/refus/DEJA_FAIT`);
      expect(refused.status).toBe(409);
      expect(await refused.json()).toEqual({ code_erreur: 'DEJA_FAIT' });
      expect(finalized).toEqual(['DEJA_FAIT']);
      expect(await (await fetch(`${own.urlOf('via-msw')}/echo/bonjour`)).json()).toEqual({ mot: 'bonjour' });
      expect((await fetch(`${own.urlOf('via-msw')}/autre`)).status).toBe(404);
    } finally {
      await own.stop();
    }
  });

  it('answers 404 for an unknown system or path', async () => {
    expect((await fetch(`${simulator.url}/nowhere/x`)).status).toBe(404);
    expect((await admin('/systems/nowhere', { method: 'PUT', body: '{}' })).status).toBe(404);
  });
});
