import { bundleService, bundleTargets, selectBundleTargets } from '../build';

/**
 * `npm run bundle [-- <service>...]`: the production build (docs/operations.md, "Production
 * build"). Bundles the gateway and every subgraph, or the ones named, each into
 * `<package>/dist/main.js`, which the images run with plain `node`.
 */
async function main(): Promise<void> {
  const targets = selectBundleTargets(bundleTargets(), process.argv.slice(2));
  for (const target of targets) {
    const started = Date.now();
    const bundled = await bundleService(target);
    process.stdout.write(`${bundled.name}: ${bundled.outfile} (${(bundled.bytes / 1024).toFixed(0)} KiB, ${Date.now() - started} ms)\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
