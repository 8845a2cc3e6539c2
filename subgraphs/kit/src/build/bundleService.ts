import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { sourceLocationPlugin } from './sourceLocationPlugin';

/** One service to bundle: its entry point and where the bundle goes. */
export interface BundleTarget {
  /** `gateway`, a subgraph's name, or a tool's: for messages. */
  name: string;
  /** The TypeScript file the process runs (`src/main.ts`). */
  entry: string;
  /** The bundle, inside the repository so that its packages resolve from node_modules (`<package>/dist/main.js`). */
  outfile: string;
}

export interface BundledService {
  name: string;
  outfile: string;
  /** The bundle's size, its source map apart. */
  bytes: number;
}

/** The project's own workspaces are bundled; every other package stays a `require` of node_modules. */
const workspacePackage = /^@passerelle\//;

/** The file Node's `require` loads for `specifier` from a module in `dir`; null when it finds none. */
function requiredFrom(specifier: string, dir: string): string | null {
  try {
    return createRequire(path.join(dir, 'index.js')).resolve(specifier);
  } catch {
    return null;
  }
}

/**
 * Bare imports outside the workspaces are left to Node's resolution at run time, from the
 * bundle's directory. Where that would load another copy than the importing file's own — a
 * workspace holding a version of its own in its `node_modules` because another is hoisted to the
 * root (the kit's OpenTelemetry SDK 2.x, beside the 1.x `@apollo/gateway` brings) — the import
 * names the importing file's copy instead, by a path relative to the bundle: it holds wherever the
 * repository's layout is kept, as in the images, which copy the kit with its `node_modules`.
 */
const dependenciesExternal = (outDir: string): Plugin => ({
  name: 'passerelle-dependencies-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (workspacePackage.test(args.path) || path.isAbsolute(args.path)) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const own = requiredFrom(args.path, args.resolveDir);
      if (own === null || own === requiredFrom(args.path, outDir)) return { path: args.path, external: true };
      const relative = path.relative(outDir, own).split(path.sep).join('/');
      return { path: relative.startsWith('.') ? relative : `./${relative}`, external: true };
    });
  },
});

/**
 * Bundles one service's TypeScript and the workspaces it imports into one CommonJS file for
 * Node 20, the way the images run it (docs/operations.md, "Production build"): no TypeScript
 * loader in the process, which saves about 40 MiB of resident memory and a sixth of the CPU per
 * request on the gateway (docs/performance.md). Dependencies stay in node_modules; nothing is
 * minified, so a stack trace names the functions; a linked source map (`.js.map`) maps its lines
 * back to the TypeScript, read by `node --enable-source-maps` when wanted.
 */
export async function bundleService(target: BundleTarget): Promise<BundledService> {
  const result = await build({
    entryPoints: [target.entry],
    outfile: target.outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'silent',
    write: false,
    // The bundle's file comments (`// src/index.ts`) relative to the entry's package (`<package>/src/main.ts`),
    // whatever the build's working directory; a directory that exists, unlike the bundle's before its first build.
    absWorkingDir: path.dirname(path.dirname(path.resolve(target.entry))),
    plugins: [dependenciesExternal(path.dirname(path.resolve(target.outfile))), sourceLocationPlugin(path.dirname(target.outfile))],
  }).catch((error: unknown) => {
    // esbuild's failure lists each problem with its file and line.
    throw new Error(`${target.name} could not be bundled: ${error instanceof Error ? error.message : String(error)}`);
  });
  // Each file written beside and renamed over the old one: a process starting meanwhile (a test,
  // the bench) reads the old bundle or the new, never half of one.
  await mkdir(path.dirname(target.outfile), { recursive: true });
  for (const file of result.outputFiles) {
    const partial = `${file.path}.${randomUUID()}.partial`;
    await writeFile(partial, file.contents);
    await rename(partial, file.path);
  }
  const bundle = result.outputFiles.find((file) => file.path === path.resolve(target.outfile));
  return { name: target.name, outfile: target.outfile, bytes: bundle?.contents.byteLength ?? 0 };
}
