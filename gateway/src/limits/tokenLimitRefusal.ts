import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLError } from 'graphql';
import { operationLimitError } from './operationLimitError';

/**
 * The refusal of a document over `maxTokens` tokens, or undefined. Checked before Apollo Server
 * parses the document (parsing is where a token flood costs): GraphQL Armor's parser stops at
 * the first token over the limit. A syntax error below it is left to Apollo Server
 * (GRAPHQL_PARSE_FAILED).
 */
export function tokenLimitRefusal(source: string, maxTokens: number, exposeLimits: boolean): GraphQLError | undefined {
  let refusal: GraphQLError | undefined;
  const parser = new MaxTokensParserWLexer(source, {
    n: maxTokens,
    exposeLimits,
    onReject: [(_context, error) => (refusal = operationLimitError('tokens', error.message, exposeLimits))],
  });
  try {
    parser.parseDocument();
  } catch {
    // Either the refusal above, or a syntax error Apollo Server reports itself.
  }
  return refusal;
}
