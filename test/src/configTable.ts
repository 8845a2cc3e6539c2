import { simulatorEnv } from '@passerelle/mocks';
import { devIdpEnv, gatewayEnv } from '@passerelle/gateway';
import { bailleursEnv } from '@passerelle/subgraph-bailleurs';
import { cafEnv } from '@passerelle/subgraph-caf';
import { carsatEnv } from '@passerelle/subgraph-carsat';
import { cpamEnv } from '@passerelle/subgraph-cpam';
import { accueilEnv } from '@passerelle/subgraph-accueil';
import { departementEnv } from '@passerelle/subgraph-departement';
import { etatEnv } from '@passerelle/subgraph-etat';
import { franceTravailEnv } from '@passerelle/subgraph-france-travail';
import { identiteEnv } from '@passerelle/subgraph-identite';
import { journalEnv } from '@passerelle/subgraph-journal';
import { msaEnv } from '@passerelle/subgraph-msa';
import type { ConfigSpec } from '@passerelle/subgraph-kit';
import path from 'node:path';

/** Defaults that are absolute paths are shown relative to the repository, so the table is the same on every checkout. */
const repositoryRoot = path.resolve(__dirname, '../..');

/** Every process's environment spec, in the README's order. */
export const allEnvSpecs: ReadonlyArray<[string, ConfigSpec]> = [
  ['gateway', gatewayEnv],
  ['dev identity provider (npm start, npm run token)', devIdpEnv],
  ['identite', identiteEnv],
  ['caf', cafEnv],
  ['cpam', cpamEnv],
  ['carsat', carsatEnv],
  ['bailleurs', bailleursEnv],
  ['france-travail', franceTravailEnv],
  ['msa', msaEnv],
  ['etat', etatEnv],
  ['departement', departementEnv],
  ['accueil', accueilEnv],
  ['journal', journalEnv],
  ['simulator (and npm start)', simulatorEnv],
];

function show(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(',');
  if (value === '' || value === undefined) return '(none)';
  const text = String(value);
  return text.startsWith(repositoryRoot + path.sep) ? path.relative(repositoryRoot, text) : text;
}

/** The README's configuration table, generated from the specs so it cannot drift. */
export function configTable(): string {
  const seen = new Set<string>();
  const rows = allEnvSpecs.flatMap(([process, spec]) =>
    Object.values(spec)
      .filter((v) => !seen.has(v.env) && seen.add(v.env))
      .map((v) => `| \`${v.env}\` | ${process} | \`${show(v.default).replace(/\|/g, '\\|')}\` | ${v.doc.replace(/\|/g, '\\|')} |`),
  );
  return ['| Variable | Read by | Default | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}
