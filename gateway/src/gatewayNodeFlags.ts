/**
 * The Node/V8 flags the gateway process runs with, on its command line: in its image
 * (deploy/docker/gateway.Dockerfile, `CMD`) and in the bench (test/src/bench/startBenchProcesses.ts).
 * On the command line rather than in NODE_OPTIONS, which refuses some V8 flags (the heap-growth
 * ones of docs/performance.md); cluster workers inherit them (GATEWAY_WORKERS).
 *
 * An old generation that may grow to 1.4 times what the last full collection kept, instead of
 * V8's up to 4 times, and the young-generation semi-space pinned at Node 20's 16 MiB. Each request
 * allocates its plan's fetches, bodies and merged results, and lives hundreds of milliseconds
 * under saturation: what survives two scavenges is promoted, and with V8's default growth the old
 * generation fills with it up to several times the live heap before a full collection (the peak
 * RSS). Measured side by side with `npm run bench -- --gateways passerelle --settings saturation
 * --rounds 1 --passerelle-node-flags "FLAGS"` (docs/performance.md, "Memory"), on the bundled
 * gateway (`npm run bundle`): peak RSS 219–288 MiB against 248–329 with a 32 MiB semi-space, for
 * 0–18 % more gateway CPU per request; and, once the hot steps kept their optimized code across
 * full collections (docs/performance.md, "Functions that stay optimized"), a growth of 1.4
 * instead of 1.5: 213–280 MiB against 223–306, for 0–10 % more where the gateway is the
 * bottleneck. A test checks that the Dockerfile runs exactly these.
 */
export const gatewayNodeFlags: readonly string[] = ['--max-semi-space-size=16', '--heap-growing-percent=40'];
