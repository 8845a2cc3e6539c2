import { loadInChunks } from '../src/loadInChunks';

describe('loadInChunks', () => {
  it('sends chunks of the given size at once and merges what they found', async () => {
    const chunks: number[][] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const found = await loadInChunks([1, 2, 3, 4, 5], 2, String, async (chunk) => {
      chunks.push([...chunk]);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await Promise.resolve();
      inFlight -= 1;
      return new Map(chunk.filter((n) => n % 2 === 1).map((n) => [String(n), n * 10]));
    });
    expect(chunks).toEqual([[1, 2], [3, 4], [5]]);
    expect(maxInFlight).toBe(3);
    expect(found).toEqual(
      new Map([
        ['1', 10],
        ['3', 30],
        ['5', 50],
      ]),
    );
  });

  it('gives a failed chunk’s error to its own keys only', async () => {
    const failure = new Error('down');
    const found = await loadInChunks([1, 2, 3], 2, String, (chunk) => (chunk.includes(1) ? Promise.reject(failure) : Promise.resolve(new Map(chunk.map((n) => [String(n), n])))));
    expect(found).toEqual(
      new Map<string, number | Error>([
        ['1', failure],
        ['2', failure],
        ['3', 3],
      ]),
    );
  });
});
