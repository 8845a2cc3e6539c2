/**
 * The Node/V8 flags the gateway process runs with, on its command line: in its image
 * (deploy/docker/gateway.Dockerfile, `CMD`) and in the bench (test/src/bench/startBenchProcesses.ts).
 * On the command line rather than in NODE_OPTIONS, which refuses some V8 flags (the heap-growth
 * ones of docs/performance.md); cluster workers inherit them (GATEWAY_WORKERS).
 *
 * A 32 MiB young-generation semi-space instead of Node 20's 16 MiB, and an old generation that
 * may grow to 1.5 times what the last full collection kept instead of V8's up to 4 times. Each
 * request allocates its plan's fetches, bodies and merged results, and lives hundreds of
 * milliseconds under saturation: with the default semi-space much of that survives two scavenges
 * and is promoted (more CPU per request); with the default growth the old generation then fills
 * with it up to several times the live heap before a full collection (the peak RSS). Measured side
 * by side with `npm run bench -- --gateways passerelle --settings saturation --rounds 1
 * --passerelle-node-flags "FLAGS"` (docs/performance.md, "Memory"): peak RSS 284–342 MiB against
 * 353–670 with a 64 MiB semi-space alone, for 5–25 % more gateway CPU per request, still below a
 * bare @apollo/gateway's. A test checks that the Dockerfile runs exactly these.
 */
export const gatewayNodeFlags: readonly string[] = ['--max-semi-space-size=32', '--heap-growing-percent=50'];
