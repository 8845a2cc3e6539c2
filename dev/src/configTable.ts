import { simulatorEnv } from '@passerelle/mocks';
import { devIdpEnv, gatewayEnv } from '@passerelle/gateway';
import { gatewayContextEnv, usagerIdSecretEnv, type ConfigSpec, type EnvVar, type SubgraphDescriptor } from '@passerelle/subgraph-kit';
import { discoverSubgraphs, repositoryRoot } from '@passerelle/subgraph-kit/discovery';
import path from 'node:path';

/** The processes every checkout runs, in docs/configuration.md's order; each subgraph's own variables are in its folder's README. */
export const sharedEnvSpecs: ReadonlyArray<[string, ConfigSpec]> = [
  ['gateway', gatewayEnv],
  ['dev identity provider (npm start, npm run token)', devIdpEnv],
  ['simulator (and npm start)', simulatorEnv],
  // What every subgraph reads the same way (the kit's common variables): listed once, here.
  ['every subgraph', { ...gatewayContextEnv(), ...usagerIdSecretEnv() }],
];

/** Where a generated table sits in a markdown file. */
export const configTableMarkers = { start: '<!-- config-table:start -->', end: '<!-- config-table:end -->' } as const;

function show(value: unknown, root: string): string {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(',');
  if (value instanceof Map) return value.size === 0 ? '(none)' : [...value].map(([k, v]) => `${String(k)}=${String(v)}`).join(',');
  if (value === '' || value === undefined) return '(none)';
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  // Defaults that are absolute paths are shown relative to the repository, so the table is the same on every checkout.
  return text.startsWith(root + path.sep) ? path.relative(root, text) : text;
}

const header = ['| Variable | Read by | Default | Meaning |', '|---|---|---|---|'];
const row = (variable: EnvVar<unknown>, process: string, root: string) =>
  `| \`${variable.env}\` | ${process} | \`${show(variable.default, root).replace(/\|/g, '\\|')}\` | ${variable.doc.replace(/\|/g, '\\|')} |`;

function rows(specs: ReadonlyArray<[string, ConfigSpec]>, seen: Set<string>, root: string): string[] {
  return specs.flatMap(([process, spec]) =>
    Object.values(spec)
      .filter((v) => !seen.has(v.env) && seen.add(v.env))
      .map((v) => row(v, process, root)),
  );
}

/** The table of docs/configuration.md: the gateway, the dev identity provider and the simulator (the variables subgraphs share with the gateway included). */
export function configTable(root: string = repositoryRoot): string {
  return [...header, ...rows(sharedEnvSpecs, new Set(), root)].join('\n');
}

/** A subgraph's own variables, for its folder's README.md: those docs/configuration.md does not already list. */
export function subgraphConfigTable(subgraph: Pick<SubgraphDescriptor, 'name' | 'env'>, root: string = repositoryRoot): string {
  const shared = new Set(sharedEnvSpecs.flatMap(([, spec]) => Object.values(spec).map((v) => v.env)));
  return [...header, ...rows([[subgraph.name, subgraph.env]], shared, root)].join('\n');
}

/** Every generated table of the repository at `root`: docs/configuration.md's, then each subgraph's README.md's. */
export function configTables(root: string = repositoryRoot): Array<{ file: string; table: string }> {
  return [
    { file: path.join(root, 'docs', 'configuration.md'), table: configTable(root) },
    ...discoverSubgraphs(root).map((s) => ({ file: path.join(s.dir, 'README.md'), table: subgraphConfigTable(s.load(), root) })),
  ];
}

/** `text` with the table between the markers replaced; null when the markers are missing. */
export function withTable(text: string, table: string): string | null {
  const start = text.indexOf(configTableMarkers.start);
  const end = text.indexOf(configTableMarkers.end);
  if (start < 0 || end < start) return null;
  return `${text.slice(0, start + configTableMarkers.start.length)}\n${table}\n${text.slice(end)}`;
}
