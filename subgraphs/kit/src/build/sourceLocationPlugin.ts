import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';

/** `__dirname` and `__filename` as identifiers, not as parts of longer names. */
const locationIdentifier = /\b(__dirname|__filename)\b/g;

/**
 * Keeps `__dirname` and `__filename` meaning the source file's own location once bundled. The
 * repository's code finds its files next to its sources (`path.resolve(__dirname,
 * '../schema.graphql')`, the SQL migrations, the GraphiQL assets, `createRequire(__filename)`);
 * in a bundle both would name the bundle instead. Each occurrence in a TypeScript file outside
 * node_modules becomes the source's location, written relative to the bundle's directory and
 * resolved at run time, so a bundle keeps working wherever the repository is, as long as it stays
 * where it was built inside it (`<package>/dist/`, docs/operations.md, "Production build").
 */
export function sourceLocationPlugin(bundleDir: string): Plugin {
  return {
    name: 'passerelle-source-location',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.split(path.sep).includes('node_modules')) return undefined;
        const source = await readFile(args.path, 'utf8');
        const contents = source.replace(locationIdentifier, (identifier: string) => {
          const target = identifier === '__dirname' ? path.dirname(args.path) : args.path;
          return `require('node:path').resolve(__dirname, ${JSON.stringify(path.relative(bundleDir, target))})`;
        });
        return { contents, loader: 'ts' };
      });
    },
  };
}
