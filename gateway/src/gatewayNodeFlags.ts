/**
 * The Node/V8 flags the gateway process runs with, on its command line: in its image
 * (deploy/docker/gateway.Dockerfile, `CMD`) and in the bench (test/src/bench/startBenchProcesses.ts).
 * On the command line rather than in NODE_OPTIONS, which refuses some V8 flags (the heap-growth
 * ones of docs/performance.md); cluster workers inherit them (GATEWAY_WORKERS).
 *
 * A 64 MiB young-generation semi-space instead of Node 20's 16 MiB. Each request allocates its
 * plan's fetches, bodies and merged results, and lives for tens of milliseconds under load: with
 * the default, much of that survives two scavenges, is promoted, and grows the old generation until
 * a full collection. Measured with `npm run profile:gateway -- --seconds 8`, default and this
 * alternated twice on an idle 2-core machine (docs/performance.md): gateway CPU per request
 * 2.83–2.89 → 2.07–2.19 ms (full file, same usager), 8.14–8.48 → 6.91–7.25 ms (50-usager list);
 * peak RSS 485–507 → 385–389 MiB on the full file, 499–525 → 588 MiB on the list. Trading CPU for
 * memory instead (a smaller heap growth): docs/performance.md, "Memory". A test checks that the
 * Dockerfile runs exactly these.
 */
export const gatewayNodeFlags: readonly string[] = ['--max-semi-space-size=64'];
