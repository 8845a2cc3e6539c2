/**
 * Loads `keys` in chunks of `chunkSize`, every chunk at once, and merges the answers. A chunk
 * that fails costs its own keys only: each of them maps to that chunk's error (which the kit's
 * batch loader hands to DataLoader, which rejects those keys alone).
 */
export async function loadInChunks<K, V, C>(keys: readonly K[], chunkSize: number, keyOf: (key: K) => C, loadChunk: (chunk: readonly K[]) => Promise<ReadonlyMap<C, V>>): Promise<Map<C, V | Error>> {
  const chunks: K[][] = [];
  for (let start = 0; start < keys.length; start += chunkSize) chunks.push(keys.slice(start, start + chunkSize));
  const answers = await Promise.allSettled(chunks.map(loadChunk));
  const merged = new Map<C, V | Error>();
  chunks.forEach((chunk, index) => {
    const answer = answers[index];
    if (answer?.status === 'fulfilled') {
      for (const [key, value] of answer.value) merged.set(key, value);
      return;
    }
    const failure = answer?.reason instanceof Error ? answer.reason : new Error(String(answer?.reason));
    for (const key of chunk) merged.set(keyOf(key), failure);
  });
  return merged;
}
