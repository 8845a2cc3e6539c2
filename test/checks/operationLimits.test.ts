import { readFileSync } from 'node:fs';
import { loadGatewayConfig, operationLimitRules, tokenLimitRefusal } from '@passerelle/gateway';
import { buildSchema, parse, validate } from 'graphql';
import { documentedOperations } from '../src/docs/documentedOperations';
import { fullFileQuery, usagerFileFields } from '../src/e2e/fullFileQuery';

// The gateway's default limits must let every legitimate operation through: the documented
// examples (docs/examples.md, the README's quick start) and the end-to-end tests' largest
// operations, which run against a gateway on its defaults.
const config = loadGatewayConfig({});
const api = buildSchema(readFileSync(require.resolve('@passerelle/schema/api.graphql'), 'utf8'));

const operations: Array<[string, string]> = [
  ...documentedOperations().map(({ file, name, document }): [string, string] => [`${name} (${file})`, document]),
  ['the full file of a usager (e2e)', fullFileQuery],
  // batching.e2e.test.ts: over 100 ids.
  ['usagers(ids:) with the full file (e2e)', fullFileQuery.replace('query DossierComplet($id: ID!) {\n    usager(id: $id) {', 'query Liste($ids: [ID!]!) {\n    usagers(ids: $ids) {')],
  // caseload.e2e.test.ts: 50 and 100 per page.
  [
    'a caseload page with the full file of each usager (e2e)',
    `query Portefeuille($referentId: ID!, $premier: Int, $apres: String, $orientation: TypeOrientation, $etatRsa: EtatRsaDepartement) {
      monPortefeuille(referentId: $referentId, premier: $premier, apres: $apres, orientation: $orientation, etatRsa: $etatRsa) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node {${usagerFileFields}} }
      }
    }`,
  ],
];

test.each(operations)('%s passes the default operation limits', (_name, operation) => {
  expect(tokenLimitRefusal(operation, config.maxTokens, true)).toBeUndefined();
  expect(validate(api, parse(operation), operationLimitRules(config, true)).map((error) => error.message)).toEqual([]);
});
