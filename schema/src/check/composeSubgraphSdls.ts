import { composeServices } from '@apollo/composition';
import { GraphQLError, parse, printSchema, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { SubgraphSdl } from './SubgraphSdl';

/** One composition error as @apollo/composition reports it (or a subgraph that does not parse). */
export interface CompositionProblem {
  code: string;
  message: string;
  /** The subgraph whose SDL failed to parse, when that is the problem. */
  subgraph?: string;
}

export type SubgraphComposition = { ok: true; supergraphSdl: string; apiSdl: string; apiSchema: GraphQLSchema; hints: string[] } | { ok: false; problems: CompositionProblem[] };

/**
 * Composes SDL texts (not files: the check and its tests pass them explicitly). A subgraph that
 * is not even GraphQL is reported as `INVALID_GRAPHQL` with its name, the others still parsed,
 * so that every syntax error shows at once.
 */
export function composeSubgraphSdls(subgraphs: readonly SubgraphSdl[]): SubgraphComposition {
  const problems: CompositionProblem[] = [];
  const services: Array<{ name: string; url?: string; typeDefs: DocumentNode }> = [];
  for (const subgraph of subgraphs) {
    try {
      services.push({ name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraph.sdl) });
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : String(error);
      problems.push({ code: 'INVALID_GRAPHQL', message: `[${subgraph.name}] ${message}`, subgraph: subgraph.name });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const result = composeServices(services);
  if (result.errors) {
    return { ok: false, problems: result.errors.map((error) => ({ code: codeOf(error), message: error.message })) };
  }
  const apiSchema = result.schema.toAPISchema().toGraphQLJSSchema();
  return { ok: true, supergraphSdl: result.supergraphSdl, apiSdl: printSchema(apiSchema), apiSchema, hints: result.hints.map((h) => h.toString()) };
}

function codeOf(error: GraphQLError): string {
  const code = error.extensions.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}
