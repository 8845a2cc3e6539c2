import { operationDocument, readOperationsFolder } from '@passerelle/schema';
import { OperationTypeNode, print, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { sha256Hex, type PersistedOperation, type PersistedOperationsManifest } from './persistedOperationsManifest';

export interface BuiltManifest {
  manifest: PersistedOperationsManifest;
  /** Why some operations could not be persisted; the manifest is not to be written when there are any. */
  problems: string[];
}

/**
 * Builds the manifest from every `*.graphql` file of `operationsDir`: one entry per named query
 * or mutation, with the fragments it uses (fragments may live in any file of the folder). Each
 * operation must be valid against `schema` and pass `rules` (the gateway's limits), so that
 * nothing is persisted that the gateway would refuse. Entries are sorted by name and bodies
 * printed canonically, so the output only changes when an operation does.
 */
export function buildPersistedOperationsManifest(operationsDir: string, schema: GraphQLSchema, rules: readonly ValidationRule[] = []): BuiltManifest {
  const { operations, fragments, problems } = readOperationsFolder(operationsDir);

  const persisted = new Map<string, PersistedOperation>();
  for (const { file, node } of operations) {
    const name = node.name?.value;
    if (name === undefined) {
      problems.push(`${file}: every operation needs a name (clients find its id by name)`);
      continue;
    }
    if (persisted.has(name)) {
      problems.push(`${file}: operation ${name} is defined twice`);
      continue;
    }
    if (node.operation === OperationTypeNode.SUBSCRIPTION) {
      problems.push(`${file}: ${name}: the gateway serves no subscriptions`);
      continue;
    }
    const document = operationDocument(node, fragments);
    const errors = validate(schema, document, [...specifiedRules, ...rules]);
    if (errors.length > 0) {
      problems.push(...errors.map((error) => `${file}: ${name}: ${error.message}`));
      continue;
    }
    const body = print(document);
    persisted.set(name, { id: sha256Hex(body), name, type: node.operation, body });
  }
  const sorted = [...persisted.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { manifest: { format: 'apollo-persisted-query-manifest', version: 1, operations: sorted }, problems };
}
