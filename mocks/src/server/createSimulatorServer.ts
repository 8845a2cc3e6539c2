import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { silentLogger, type Logger } from '@passerelle/subgraph-kit';
import type { Population } from '../population/createPopulation';
import type { LegacySystem } from '../simulators/LegacySystem';
import type { LegacyRoute } from '../simulators/legacyRoute';
import { legacySystems as repositorySystems } from '../simulators/legacySystems';
import { compileRoutes, matchRoute, type CompiledRoute, type RouteMatch } from './compileRoutes';
import { parseKnobs, type SystemKnobs } from './SystemKnobs';

export interface SimulatorOptions {
  port: number;
  host: string;
  population: Population;
  /** Initial knobs, applied to every system. */
  defaults: Omit<SystemKnobs, 'down' | 'malformed'>;
  /** Systems down from the start. */
  down?: readonly string[];
  logger?: Logger;
  /** The systems to serve. @default every system of this repository (`discoverLegacySystems()`) */
  systems?: readonly LegacySystem[];
  /**
   * Called after the counters are reset or a system's knobs change (through the admin API or
   * `reset`/`setKnobs`): a federation run in the same process clears its legacy read caches then
   * (dev/src/startFederation.ts), so that the next request reaches the changed system.
   */
  onAdminChange?: () => void;
}

/**
 * One call the simulator answered, as `GET /_admin/calls` lists it: when it arrived and when its
 * answer was sent (epoch ms, sub-millisecond), never what it asked. `call` names the request (a
 * digest of its method, path, query and body: equal for the same request made again, and
 * revealing no identifier), so that two runs of one plan can be matched call by call.
 */
export interface SimulatorCall {
  system: string;
  call: string;
  startMs: number;
  endMs: number;
}

/** The calls `GET /_admin/calls` keeps since the last reset; later ones are counted, not kept. */
const maxJournalCalls = 5_000;

export interface RunningSimulator {
  url: string;
  /** Base URL of one system, e.g. `http://127.0.0.1:4100/caf`. */
  urlOf(system: string): string;
  stats(): Record<string, number>;
  setKnobs(system: string, knobs: Partial<SystemKnobs>): void;
  reset(): void;
  stop(): Promise<void>;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** An answer worked out, not yet sent. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const jsonAnswer = (status: number, body: unknown): Answer => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(JSON.stringify(body)) });

async function readRaw(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Serves every simulated legacy system over real HTTP, one path prefix each, with the
 * same msw handlers the in-process tests use: a call goes straight to its route's resolver
 * (compileRoutes.ts), or through msw's `getResponse` for a system whose handlers were not all
 * built with `legacyRoute`. Adds latency, errors and outages on demand
 * and counts calls per system: `GET /_admin/stats`, `POST /_admin/reset`,
 * `PUT /_admin/systems/:name` with `{ latencyMs, jitterMs, errorRate, down, malformed }`;
 * `GET /_admin/calls` lists when each call since the reset arrived and was answered (the bench
 * infers a plan's legacy calls from it: test/src/bench/inferPlan.ts).
 */
export async function createSimulatorServer(options: SimulatorOptions): Promise<RunningSimulator> {
  const logger = options.logger ?? silentLogger;
  const legacySystems = options.systems ?? repositorySystems;
  const knobs = new Map<string, SystemKnobs>(legacySystems.map((s) => [s.name, { ...options.defaults, down: options.down?.includes(s.name) ?? false, malformed: false }]));
  const counts = new Map<string, number>(legacySystems.map((s) => [s.name, 0]));
  let journal: SimulatorCall[] = [];
  let journalTruncated = false;
  const now = () => performance.timeOrigin + performance.now();
  const resetCounters = () => {
    for (const name of counts.keys()) counts.set(name, 0);
    journal = [];
    journalTruncated = false;
  };
  let origin = '';
  const handlersOf = new Map<string, ReturnType<LegacySystem['handlers']>>();
  /** Each system's routes, for its calls to go straight to the resolver; null: through msw (compileRoutes.ts). */
  const routesOf = new Map<string, CompiledRoute[] | null>();
  let callId = 0;

  /** What `system` answers to this call, given its knobs: an outage, an error, a malformed payload, or its handlers' answer. */
  const answerOf = async (system: LegacySystem, k: SystemKnobs, req: http.IncomingMessage, url: URL, body: Buffer | undefined): Promise<Answer> => {
    if (k.down) return jsonAnswer(503, { code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' });
    if (k.errorRate > 0 && Math.random() < k.errorRate) return jsonAnswer(500, { code_erreur: 'ERREUR_TECHNIQUE', libelle: 'Erreur technique' });
    if (k.malformed) return jsonAnswer(200, 'Réponse hors format');
    const routes = routesOf.get(system.name);
    const match = routes ? matchRoute(routes, req.method ?? 'GET', url.pathname) : undefined;
    if (match === null) return jsonAnswer(404, { code_erreur: 'RESSOURCE_INCONNUE', libelle: 'Ressource inconnue' });
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const request = new Request(`${origin}${url.pathname}${url.search}`, { method: req.method, headers, body });
    const response = match ? await resolve(match, request) : await getResponse(handlersOf.get(system.name)!, request);
    if (!response) return jsonAnswer(404, { code_erreur: 'RESSOURCE_INCONNUE', libelle: 'Ressource inconnue' });
    return { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) };
  };

  /**
   * The route's answer, as msw's handler would give it: the resolver's response, or the one it
   * threw; the callbacks it scheduled with `finalize` run once it has answered.
   */
  const resolve = async ({ route, params }: RouteMatch, request: Request): Promise<Response | undefined> => {
    const finalizers: Array<() => unknown> = [];
    // msw types the request by its body (StrictRequest); the resolvers read it as any Request.
    const info = {
      request: request as Parameters<LegacyRoute['resolver']>[0]['request'],
      params,
      cookies: {},
      requestId: `simulator-${(callId += 1)}`,
      finalize: (callback: () => unknown) => void finalizers.push(callback),
    };
    let result: unknown;
    try {
      result = await route.resolver(info);
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      result = thrown;
    } finally {
      for (const callback of finalizers) await callback();
    }
    if (result === undefined || result instanceof Response) return result;
    throw new TypeError(`${route.method} ${route.path}: the simulator answers a resolver's Response, not a generator's`);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    try {
      if (url.pathname === '/_admin/stats' && req.method === 'GET') return json(res, 200, Object.fromEntries(counts));
      if (url.pathname === '/_admin/calls' && req.method === 'GET') return json(res, 200, { calls: journal, truncated: journalTruncated });
      if (url.pathname === '/_admin/reset' && req.method === 'POST') {
        resetCounters();
        options.onAdminChange?.();
        return json(res, 200, Object.fromEntries(counts));
      }
      const admin = /^\/_admin\/systems\/([a-z-]+)$/.exec(url.pathname);
      if (admin && req.method === 'GET') return knobs.has(admin[1]!) ? json(res, 200, knobs.get(admin[1]!)) : json(res, 404, { error: 'unknown system' });
      if (admin && req.method === 'PUT') {
        if (!knobs.has(admin[1]!)) return json(res, 404, { error: 'unknown system' });
        let body: unknown;
        try {
          body = JSON.parse((await readRaw(req)).toString('utf8'));
        } catch {
          return json(res, 400, { error: 'expected a JSON body' });
        }
        const parsed = parseKnobs(body);
        if (typeof parsed === 'string') return json(res, 400, { error: parsed });
        knobs.set(admin[1]!, { ...knobs.get(admin[1]!)!, ...parsed });
        options.onAdminChange?.();
        return json(res, 200, knobs.get(admin[1]!));
      }
      const system = legacySystems.find((s) => url.pathname.startsWith(`${s.prefix}/`));
      if (!system) return json(res, 404, { code_erreur: 'INCONNU', libelle: 'Aucun système à cette adresse' });
      counts.set(system.name, (counts.get(system.name) ?? 0) + 1);
      const startMs = now();
      // When the answer was written: as it is handed to the socket, not at 'finish', which a busy loop may emit ms later.
      let answered: () => void = () => undefined;
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readRaw(req);
      if (journal.length < maxJournalCalls) {
        const digest = createHash('sha256').update(`${req.method} ${url.pathname}${url.search}\n`);
        if (body) digest.update(body);
        const entry: SimulatorCall = { system: system.name, call: digest.digest('base64url').slice(0, 16), startMs, endMs: startMs };
        journal.push(entry);
        answered = () => {
          entry.endMs = now();
          answered = () => undefined;
        };
        // An answer written elsewhere (a failure below): when it has gone.
        res.once('finish', () => answered());
      } else {
        journalTruncated = true;
      }
      const k = knobs.get(system.name)!;
      const delay = Math.max(0, k.latencyMs + (Math.random() * 2 - 1) * k.jitterMs);
      // The answer is worked out as the call arrives, and sent once the system's latency has passed
      // since: a system at 40 ms answers in 40 ms, its own work included, as a remote system would.
      // Worked out after the delay instead, the calls of one round trip, arriving together, would
      // each wait for the others' work in this one process and come back several ms late.
      const answer = await answerOf(system, k, req, url, body);
      const wait = delay - (now() - startMs);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      answered();
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch (error) {
      logger.error('simulator failure', { system: url.pathname.split('/')[1], error: (error as Error).name });
      if (!res.headersSent) json(res, 500, { code_erreur: 'ERREUR_TECHNIQUE', libelle: 'Erreur technique' });
    }
  };
  // What escapes the handler (a URL that does not parse, a response already torn down) drops that
  // connection instead of becoming an unhandled rejection, which would stop the simulator.
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  origin = `http://${options.host}:${(server.address() as AddressInfo).port}`;
  const urlOf = (name: string) => `${origin}${legacySystems.find((s) => s.name === name)?.prefix ?? `/${name}`}`;
  for (const system of legacySystems) {
    const handlers = system.handlers(`${origin}${system.prefix}`, options.population, urlOf);
    handlersOf.set(system.name, handlers);
    routesOf.set(system.name, compileRoutes(handlers, origin));
  }
  logger.info('simulator listening', { url: origin, systems: legacySystems.map((s) => s.name).join(',') });

  return {
    url: origin,
    urlOf,
    stats: () => Object.fromEntries(counts),
    setKnobs(name, update) {
      const current = knobs.get(name);
      if (!current) throw new RangeError(`unknown system ${name}`);
      knobs.set(name, { ...current, ...update });
      options.onAdminChange?.();
    },
    reset() {
      resetCounters();
      options.onAdminChange?.();
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
