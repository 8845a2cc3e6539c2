import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readConfigOrExit } from '@passerelle/subgraph-kit';
import { buildSchema } from 'graphql';
import { gatewayEnv } from '../config';
import { operationLimitRules } from '../limits';
import { buildPersistedOperationsManifest, manifestStaleness, serializeManifest } from '../trustedDocuments';

/**
 * `npm run persisted:build`: writes the persisted operations manifest (PERSISTED_OPERATIONS_PATH,
 * default gateway/persisted-operations.json) from every `gateway/operations/*.graphql`, each
 * checked against the API schema and the gateway's limits (as configured in the environment).
 * `npm run persisted:check` (`--check`): exits 1 when the committed manifest differs from a fresh build.
 */
const check = process.argv.includes('--check');
const config = readConfigOrExit(gatewayEnv);
const operationsDir = path.resolve(__dirname, '../../operations');
const api = buildSchema(readFileSync(require.resolve('@passerelle/schema/api.graphql'), 'utf8'));
const { manifest, problems } = buildPersistedOperationsManifest(operationsDir, api, operationLimitRules(config, true));
if (problems.length > 0) {
  process.stderr.write(`Operations that cannot be persisted (${operationsDir}):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
const manifestPath = config.persistedOperationsPath;
if (check) {
  const reasons = manifestStaleness(existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8') : undefined, manifest);
  if (reasons.length > 0) {
    process.stderr.write(`Stale ${manifestPath} (run \`npm run persisted:build\` and commit):\n${reasons.map((r) => `  - ${r}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`${manifestPath} is up to date (${manifest.operations.length} operations).\n`);
} else {
  writeFileSync(manifestPath, serializeManifest(manifest));
  process.stdout.write(`Wrote ${manifest.operations.length} operations to ${manifestPath}.\n`);
}
