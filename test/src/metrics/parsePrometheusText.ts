/** One sample of a Prometheus text exposition: `name{label="value",…} 1.5`. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A metric family: its `# TYPE` and its samples (a histogram's `_bucket`, `_sum`, `_count` included). */
export interface PrometheusFamily {
  type: string;
  help: string;
  samples: PrometheusSample[];
}

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/gy;

/**
 * Parses Prometheus' text format (version 0.0.4) strictly enough for tests: every line is a
 * `# HELP`, a `# TYPE`, blank, or a sample of a family declared before it; anything else throws.
 */
export function parsePrometheusText(text: string): Map<string, PrometheusFamily> {
  const families = new Map<string, PrometheusFamily>();
  const familyOf = (sample: string): PrometheusFamily | undefined => families.get(sample) ?? families.get(sample.replace(/_(bucket|sum|count)$/, ''));
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const help = /^# HELP (\S+) (.*)$/.exec(line);
    if (help) {
      families.set(help[1]!, { type: families.get(help[1]!)?.type ?? 'untyped', help: help[2]!, samples: families.get(help[1]!)?.samples ?? [] });
      return;
    }
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      families.set(type[1]!, { help: families.get(type[1]!)?.help ?? '', type: type[2]!, samples: families.get(type[1]!)?.samples ?? [] });
      return;
    }
    const sample = sampleLine.exec(line);
    const family = sample ? familyOf(sample[1]!) : undefined;
    if (!sample || !family) throw new Error(`line ${index + 1} is not Prometheus text: ${line}`);
    const labels: Record<string, string> = {};
    const raw = sample[2] ?? '';
    labelPair.lastIndex = 0;
    let consumed = 0;
    for (let pair = labelPair.exec(raw); pair; pair = labelPair.exec(raw)) {
      labels[pair[1]!] = pair[2]!.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c));
      consumed = labelPair.lastIndex;
    }
    if (consumed !== raw.length) throw new Error(`line ${index + 1} has malformed labels: ${line}`);
    const value = sample[3] === '+Inf' ? Infinity : sample[3] === '-Inf' ? -Infinity : Number(sample[3]);
    if (Number.isNaN(value) && sample[3] !== 'NaN') throw new Error(`line ${index + 1} has a malformed value: ${line}`);
    family.samples.push({ name: sample[1]!, labels, value });
  });
  return families;
}

/** The value of one sample (0 when absent: a counter never incremented has no series). */
export function sampleValue(families: Map<string, PrometheusFamily>, name: string, labels: Record<string, string>): number {
  const family = families.get(name) ?? families.get(name.replace(/_(bucket|sum|count)$/, ''));
  const found = family?.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return found?.value ?? 0;
}
