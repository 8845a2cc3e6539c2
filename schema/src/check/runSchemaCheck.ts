import { buildSchema, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { acknowledgeBreakingChanges, type AcknowledgedChanges } from './acknowledgeBreakingChanges';
import { composeSubgraphSdls } from './composeSubgraphSdls';
import { diffApiSchemas, type ClassifiedChange } from './diffApiSchemas';
import { explainCompositionError, type ExplainedCompositionError } from './explainCompositionError';
import { lintClassification, lintSupergraphClassification } from './lintClassification';
import { lintApiDocumentation, lintSubgraphDocumentation } from './lintDocumentation';
import type { LintFinding } from './LintFinding';
import { lintNoNir } from './lintNoNir';
import { lintPartnerCodesUnique, lintPartnerDeclaration } from './lintPartnerDeclaration';
import type { BreakingChangeAcknowledgement } from './parseBreakingChangesFile';
import type { SubgraphSdl } from './SubgraphSdl';
import { validatePersistedOperations, type OperationFailure, type PersistedOperationDocument } from './validatePersistedOperations';

/** An API schema to compare with, and what it is (`main (merge-base abc1234)`, `schema/api.graphql on disk`). */
export interface ApiSchemaSource {
  sdl: string;
  label: string;
  /** Said in the report, e.g. why the base is not what was asked. */
  note?: string;
  /** True when this is the api.graphql on disk (no git): there is then nothing else on disk to compare with. */
  fromDisk?: boolean;
}

/** Everything the check reads, passed explicitly: the CLI reads the repository, tests pass fixtures. */
export interface SchemaCheckInput {
  subgraphs: readonly SubgraphSdl[];
  /** The API schema the changes are judged against (the gate). */
  base: ApiSchemaSource;
  /** The api.graphql on disk, when it is not the base: tells which changes `npm run compose` has not written yet. */
  onDisk?: ApiSchemaSource;
  operations: readonly PersistedOperationDocument[];
  acknowledgements: readonly BreakingChangeAcknowledgement[];
}

export interface ChangesReport extends AcknowledgedChanges {
  base: ApiSchemaSource;
  /** Every change from the base to the new API schema, breaking first. */
  changes: ClassifiedChange[];
  /** The comparison with api.graphql on disk, when one was given. */
  onDisk?: {
    label: string;
    /** Changes from the file on disk to the new API schema: not composed yet. Empty when it is up to date. */
    notComposed: ClassifiedChange[];
  };
}

export interface SchemaCheckReport {
  ok: boolean;
  composition: { ok: true; hints: number } | { ok: false; errors: ExplainedCompositionError[] };
  /** Null when composition failed: there is no new API schema to compare. */
  changes: ChangesReport | null;
  /** Null when composition failed. */
  operations: { checked: number; failures: OperationFailure[] } | null;
  lint: LintFinding[];
}

/**
 * `npm run schema:check` as a pure function: composes the subgraphs, diffs the new API schema
 * against the base, gates breaking changes on their acknowledgement, validates the persisted
 * operations (which no acknowledgement can excuse) and lints each subgraph and the composed API.
 */
export async function runSchemaCheck(input: SchemaCheckInput): Promise<SchemaCheckReport> {
  const lint: LintFinding[] = [];
  const declared: Array<{ subgraph: string; code?: string }> = [];
  const reportedUndocumented = new Set<string>();
  for (const subgraph of input.subgraphs) {
    let document: DocumentNode;
    try {
      document = parse(subgraph.sdl);
    } catch {
      continue; // composition reports it as INVALID_GRAPHQL, naming the subgraph
    }
    const documentation = lintSubgraphDocumentation(subgraph);
    documentation.forEach((finding) => reportedUndocumented.add(finding.coordinate!));
    const partner = lintPartnerDeclaration(subgraph.name, document);
    declared.push({ subgraph: subgraph.name, ...(partner.code !== undefined ? { code: partner.code } : {}) });
    lint.push(...documentation, ...lintClassification(subgraph.name, document, partner.code), ...partner.findings);
  }
  lint.push(...lintPartnerCodesUnique(declared));

  const composed = composeSubgraphSdls(input.subgraphs);
  if (!composed.ok) {
    const names = input.subgraphs.map((s) => s.name);
    const errors = composed.problems.map((problem) => explainCompositionError(problem, names));
    return { ok: false, composition: { ok: false, errors }, changes: null, operations: null, lint };
  }
  lint.push(...lintApiDocumentation(composed.apiSdl, reportedUndocumented), ...lintNoNir(composed.apiSchema), ...lintSupergraphClassification(parse(composed.supergraphSdl)));

  const changes = await diffApiSchemas(schemaOf(input.base), composed.apiSchema);
  const changesReport: ChangesReport = { base: input.base, changes, ...acknowledgeBreakingChanges(changes, input.acknowledgements) };
  if (input.onDisk !== undefined) {
    changesReport.onDisk = { label: input.onDisk.label, notComposed: await diffApiSchemas(schemaOf(input.onDisk), composed.apiSchema) };
  }
  const failures = validatePersistedOperations(composed.apiSchema, input.operations);
  return {
    ok: changesReport.unacknowledged.length === 0 && failures.length === 0 && lint.length === 0,
    composition: { ok: true, hints: composed.hints.length },
    changes: changesReport,
    operations: { checked: input.operations.length, failures },
    lint,
  };
}

function schemaOf(source: ApiSchemaSource): GraphQLSchema {
  try {
    return buildSchema(source.sdl);
  } catch (error) {
    throw new Error(`The API schema of ${source.label} is not a valid schema: ${(error as Error).message}`);
  }
}
