/**
 * JSON with object keys sorted (by UTF-16 code units, recursively) and no whitespace, so
 * that the same value always gives the same text and hash, whatever the key order it was
 * built or parsed with. Properties whose value is `undefined` are left out, as
 * `JSON.stringify` does; anything JSON cannot represent exactly throws.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  // Loops rather than callbacks: it runs for every audit record, and a callback made per call
  // loses its optimized code at each full collection (docs/performance.md).
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) text += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${text}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // sort() without a comparator orders strings by UTF-16 code units.
    const keys = Object.keys(record).sort();
    let text = '{';
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    }
    return `${text}}`;
  }
  throw new TypeError(`canonicalJson: cannot represent a ${typeof value}`);
}
