/**
 * The Node arguments a process needs to run `args` (its script and the script's arguments): tsx
 * for a TypeScript source (`src/main.ts`, a tool), nothing for a bundle (`dist/main.js`, `npm run
 * bundle`), which runs on plain node as the images run it.
 */
export function loaderArgsFor(args: readonly string[]): string[] {
  return args.some((arg) => arg.endsWith('.ts')) ? ['--import', 'tsx'] : [];
}
