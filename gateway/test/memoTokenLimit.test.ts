import { expect } from '@jest/globals';
import { memoTokenLimit, tokenLimitRefusal } from '../src/limits';

/** The token count behind a memo, counting the documents it lexes. */
function counting() {
  const lexed: string[] = [];
  const refusalOf: typeof tokenLimitRefusal = (source, maxTokens, exposeLimits) => {
    lexed.push(source);
    return tokenLimitRefusal(source, maxTokens, exposeLimits);
  };
  return { lexed, refusalOf };
}

const small = '{ a }';
const other = '{ b c }';
const large = `{ ${Array.from({ length: 40 }, (_, i) => `f${i}`).join(' ')} }`;

describe('memoTokenLimit', () => {
  it('answers like tokenLimitRefusal, lexing an admitted document once and a refused one every time', () => {
    const { lexed, refusalOf } = counting();
    const limit = memoTokenLimit(20, false, { refusalOf });
    for (let i = 0; i < 3; i += 1) {
      expect(limit(small)).toBeUndefined();
      expect(limit(large)).toMatchObject({ message: "The operation exceeds the gateway's token limit.", extensions: { code: 'OPERATION_TROP_COMPLEXE' } });
      expect(limit(large)?.message).toBe(tokenLimitRefusal(large, 20, false)?.message);
    }
    expect(lexed).toEqual([small, ...Array<string>(6).fill(large)]);
  });

  it('starts over past maxChars of admitted documents, and never remembers one longer than maxChars', () => {
    const { lexed, refusalOf } = counting();
    const limit = memoTokenLimit(100, false, { refusalOf, maxChars: other.length });
    limit(small);
    limit(small);
    // Does not fit beside the first: the memory starts over with it alone.
    limit(other);
    limit(other);
    limit(small);
    expect(lexed).toEqual([small, other, small]);
    const tiny = memoTokenLimit(100, false, { refusalOf, maxChars: 2 });
    tiny(small);
    tiny(small);
    expect(lexed.slice(3)).toEqual([small, small]);
  });
});
