import { GraphQLError } from 'graphql';
import { createBatchLoader, createSingleLoader, indexBy } from '../src/loaders/createBatchLoader';

describe('createBatchLoader', () => {
  it('batches keys up to the maximum, deduplicates, and answers in key order with null for unknown keys', async () => {
    const calls: string[][] = [];
    const loader = createBatchLoader<string, { k: string }>({
      maxBatchSize: 3,
      load: (keys) => {
        calls.push([...keys]);
        // The legacy system answers in its own order and omits what it does not know.
        return Promise.resolve(
          indexBy(
            keys
              .filter((k) => k !== 'unknown')
              .reverse()
              .map((k) => ({ k })),
            (v) => v.k,
          ),
        );
      },
    });
    const results = await Promise.all(['a', 'b', 'unknown', 'a', 'c', 'd'].map((k) => loader.load(k)));
    expect(results).toEqual([{ k: 'a' }, { k: 'b' }, null, { k: 'a' }, { k: 'c' }, { k: 'd' }]);
    expect(calls).toEqual([
      ['a', 'b', 'unknown'],
      ['c', 'd'],
    ]);
  });

  it('rejects every key of a failed batch with the same error, and only that batch', async () => {
    const failure = new GraphQLError('down', { extensions: { code: 'PARTENAIRE_INDISPONIBLE' } });
    const loader = createBatchLoader<string, string>({
      maxBatchSize: 2,
      load: (keys) => (keys.includes('x') ? Promise.reject(failure) : Promise.resolve(new Map(keys.map((k) => [k, k.toUpperCase()])))),
    });
    const settled = await Promise.allSettled(['a', 'x', 'b', 'c'].map((k) => loader.load(k)));
    expect(settled).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
      { status: 'fulfilled', value: 'B' },
      { status: 'fulfilled', value: 'C' },
    ]);
  });

  it('uses cacheKeyFn for object keys', async () => {
    let calls = 0;
    const loader = createBatchLoader<{ id: string }, number, string>({
      maxBatchSize: 10,
      cacheKeyFn: (key) => key.id,
      load: (keys) => {
        calls += 1;
        return Promise.resolve(new Map(keys.map((k) => [k.id, k.id.length])));
      },
    });
    expect(await Promise.all([loader.load({ id: 'abc' }), loader.load({ id: 'abc' }), loader.load({ id: 'de' })])).toEqual([3, 3, 2]);
    expect(calls).toBe(1);
  });
});

describe('createSingleLoader', () => {
  it('makes one call per distinct key and isolates failures', async () => {
    const seen: string[] = [];
    const loader = createSingleLoader<string, string>((key) => {
      seen.push(key);
      if (key === 'bad') return Promise.reject(new Error('boom'));
      return Promise.resolve(key === 'none' ? null : key.toUpperCase());
    });
    const settled = await Promise.allSettled(['a', 'a', 'bad', 'none'].map((k) => loader.load(k)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual(['A', 'A', 'boom', null]);
    expect(seen.sort()).toEqual(['a', 'bad', 'none']);
  });
});
