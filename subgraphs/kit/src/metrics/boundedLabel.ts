/** The value a label takes when the one given is not allowed. */
export const otherLabel = 'other';

/** What a label value may look like: a code, a system's or a subgraph's name. Never digits enough to be a NIR, never free text. */
const safeValue = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * A label's values, bounded: a value is kept if it looks like a name or a code and is among the
 * first `max` distinct ones seen (or in `known`, when given), `other` otherwise. Whatever a client
 * sends (an operation name, a partner code in an error), a metric never has more than `max` + 1
 * series per label, nor a value that could be personal data.
 */
export function boundedLabel(max: number, known?: () => ReadonlySet<string>): (value: string | null | undefined) => string {
  const seen = new Set<string>();
  return (value) => {
    if (typeof value !== 'string' || !safeValue.test(value) || /\d{6}/.test(value)) return otherLabel;
    if (known !== undefined) return known().has(value) ? value : otherLabel;
    if (seen.has(value)) return value;
    if (seen.size >= max) return otherLabel;
    seen.add(value);
    return value;
  };
}
