import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { errorCodes, type ErrorCode } from '../errors/errorCodes';

/** A plain route served beside /graphql (health, static assets). */
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  port: number;
  host: string;
  /** Builds the per-request context (loaders, caller); called once per HTTP request. */
  context: (req: http.IncomingMessage, requestId: string) => Promise<TContext>;
  /** Extra routes, keyed `"GET /health"`. */
  routes?: Record<string, RouteHandler>;
  /**
   * Largest request body accepted, in bytes; a larger one is answered 413 REQUETE_TROP_VOLUMINEUSE
   * before anything is parsed. @default 1_000_000
   */
  maxBodyBytes?: number;
  /** Path of the GraphQL endpoint. @default '/graphql' */
  graphqlPath?: string;
  /** Wraps the execution of each GraphQL request (subgraphs: its deadline, legacy/requestDeadline.ts). @default runs it as is */
  aroundRequest?: <T>(req: http.IncomingMessage, execute: () => Promise<T>) => Promise<T>;
  /** Headers set on every response (the gateway's worker number, in dev mode only). */
  responseHeaders?: Readonly<Record<string, string>>;
}

/** How `RunningHttpServer.stop` ends the requests under way. */
export interface HttpStopOptions {
  /**
   * Graceful stop: no new connection is accepted, idle keep-alive connections are closed, requests
   * under way may finish for up to this many ms (each answered with `Connection: close`), then what
   * is left is cut. Unset: every connection is closed at once.
   */
  graceMs?: number;
  /** Called once the listening socket is closed: from then on a new connection is refused. */
  onListenerClosed?: () => void;
  /** Called with the number of requests still under way when the grace period ran out (cut). */
  onRequestsCut?: (requests: number) => void;
}

export interface RunningHttpServer {
  /** Base URL, e.g. `http://127.0.0.1:4001`. */
  url: string;
  port: number;
  stop(options?: HttpStopOptions): Promise<void>;
}

class BodyTooLargeError extends Error {}

/**
 * Reads the body up to `limit` bytes. A declared Content-Length over the limit is refused before
 * reading anything; a body that grows past it stops being buffered. The socket is not destroyed
 * here, so that the 413 still reaches the client (Node discards the rest of the body).
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        chunks.length = 0;
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * Another representation of a GraphQL answer than JSON, chosen by the request's Accept header
 * (e.g. the gateway's CSV of aggregate tables). Apollo Server still answers in JSON; `render`
 * writes the whole response from that JSON answer.
 */
export interface AlternateRepresentation {
  /** The media type a request's Accept header names to get it, e.g. `text/csv`. */
  contentType: string;
  render(answer: { status: number; body: string; headers: ReadonlyMap<string, string> }, res: http.ServerResponse): void;
}

export interface GraphQLRouteOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: (req: http.IncomingMessage, requestId: string) => Promise<TContext>;
  /** @default 1_000_000 */
  maxBodyBytes?: number;
  alternate?: AlternateRepresentation;
  /** Wraps the execution of each GraphQL request (subgraphs: its deadline, legacy/requestDeadline.ts). @default runs it as is */
  aroundRequest?: <T>(req: http.IncomingMessage, execute: () => Promise<T>) => Promise<T>;
}

/**
 * One GraphQL endpoint as a route: the body limit, JSON parsing, Apollo Server, the request id.
 * createGraphQLHttpServer serves its `graphqlPath` with it; a process may serve other Apollo
 * Servers at other paths with it (the gateway's analysts' endpoint).
 */
export function graphqlRoute<TContext extends BaseContext>(options: GraphQLRouteOptions<TContext>): RouteHandler {
  const { apollo, maxBodyBytes = 1_000_000, alternate } = options;
  return async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const raw = await readBody(req, maxBodyBytes);
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const alternative = alternate !== undefined && (headers.get('accept') ?? '').split(',').some((type) => type.split(';')[0]!.trim().toLowerCase() === alternate.contentType);
      if (alternative) headers.set('accept', 'application/json');
      let body: unknown = raw;
      if ((headers.get('content-type') ?? '').includes('application/json') && raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
        }
      }
      const requestId = randomUUID();
      const execute = () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
          context: () => options.context(req, requestId),
        });
      const response = await (options.aroundRequest ? options.aroundRequest(req, execute) : execute());
      res.setHeader('x-request-id', requestId);
      if (alternative) {
        let text = '';
        if (response.body.kind === 'complete') text = response.body.string;
        else for await (const chunk of response.body.asyncIterator) text += chunk;
        return alternate.render({ status: response.status ?? 200, body: text, headers: new Map(response.headers) }, res);
      }
      for (const [name, value] of response.headers) res.setHeader(name, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest of the body is never read: close the connection once the answer is sent.
        res.setHeader('connection', 'close');
        const code: ErrorCode = 'REQUETE_TROP_VOLUMINEUSE';
        return sendJson(res, 413, { errors: [{ message: 'The request body is too large.', extensions: { code, retryable: errorCodes[code].retryable } }] });
      }
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error.', extensions: { code: 'ERREUR_INTERNE' } }] });
      else res.end();
    }
  };
}

/**
 * Serves an Apollo Server over Node's http module, with a body-size limit and plain
 * routes beside the GraphQL endpoint. Used by every subgraph and by the gateway.
 */
export async function createGraphQLHttpServer<TContext extends BaseContext>(options: GraphQLHttpServerOptions<TContext>): Promise<RunningHttpServer> {
  const { apollo, routes = {}, maxBodyBytes = 1_000_000, graphqlPath = '/graphql' } = options;
  const graphql = graphqlRoute({ apollo, context: options.context, maxBodyBytes, ...(options.aroundRequest ? { aroundRequest: options.aroundRequest } : {}) });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes[`${req.method} ${url.pathname}`];
    try {
      if (route) return await route(req, res);
      if (url.pathname !== graphqlPath) return sendJson(res, 404, { error: 'Not found' });
      return await graphql(req, res);
    } catch {
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error.', extensions: { code: 'ERREUR_INTERNE' } }] });
      else res.end();
    }
  };
  // What escapes the handler (a URL that does not parse, a response already torn down) drops that
  // connection instead of becoming an unhandled rejection, which would stop the process.
  // Responses under way, so that a graceful stop waits for them (and only them).
  const inFlight = new Set<http.ServerResponse>();
  let draining = false;
  let onDrained: (() => void) | null = null;
  const server = http.createServer((req, res) => {
    inFlight.add(res);
    // Stopping: this answer is the connection's last, so the client opens its next one elsewhere.
    if (draining) res.setHeader('connection', 'close');
    for (const [name, value] of Object.entries(options.responseHeaders ?? {})) res.setHeader(name, value);
    res.once('close', () => {
      inFlight.delete(res);
      if (!draining) return;
      server.closeIdleConnections();
      if (inFlight.size === 0) onDrained?.();
    });
    handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    async stop(stopOptions: HttpStopOptions = {}) {
      const { graceMs, onListenerClosed, onRequestsCut } = stopOptions;
      if (graceMs === undefined) {
        try {
          await apollo.stop();
        } finally {
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          onListenerClosed?.();
        }
        return;
      }
      draining = true;
      // close() stops accepting at once and resolves when the last connection has ended.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      onListenerClosed?.();
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      server.closeIdleConnections();
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          onDrained = resolve;
          timer = setTimeout(resolve, graceMs);
        });
        clearTimeout(timer);
        if (inFlight.size > 0) onRequestsCut?.(inFlight.size);
      }
      server.closeAllConnections();
      await closed;
      // Apollo stops once nothing runs on it any more.
      await apollo.stop();
    },
  };
}

export { sendJson };
