import type { GraphQLError } from 'graphql';
import { tokenLimitRefusal } from './tokenLimitRefusal';

/** How many characters of admitted documents are remembered, all together, at most. */
const defaultMaxChars = 2_000_000;

/**
 * `tokenLimitRefusal` for one gateway's limit, remembering the documents it admitted: the same
 * few operations come again and again, and counting a document's tokens lexes all of it on every
 * request. Whether a document is under the limit depends on its text alone (and on the limit and
 * `exposeLimits`, fixed here), never on who sends it. Refusals are not remembered (each is
 * counted again, up to the limit only); past `maxChars` the memory starts over.
 */
export function memoTokenLimit(
  maxTokens: number,
  exposeLimits: boolean,
  { maxChars = defaultMaxChars, refusalOf = tokenLimitRefusal }: { maxChars?: number; refusalOf?: typeof tokenLimitRefusal } = {},
): (source: string) => GraphQLError | undefined {
  let admitted = new Set<string>();
  let chars = 0;
  return (source) => {
    if (admitted.has(source)) return undefined;
    const refusal = refusalOf(source, maxTokens, exposeLimits);
    if (refusal === undefined && source.length <= maxChars) {
      if (chars + source.length > maxChars) {
        admitted = new Set();
        chars = 0;
      }
      admitted.add(source);
      chars += source.length;
    }
    return refusal;
  };
}
