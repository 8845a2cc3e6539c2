import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gatewayMetricNames } from '@passerelle/gateway';
import { kitMetricNames } from '@passerelle/subgraph-kit/metrics';
import { readDoc } from '../src/docs/documentedOperations';

/**
 * The committed Grafana dashboard (deploy/grafana/passerelle-dashboard.json, issue 12 item 7)
 * may only chart what the services export: every metric its queries name is one of the exported
 * lists (gateway/src/metrics/metricNames.ts, subgraphs/kit/src/metrics/kitMetricNames.ts), every
 * label it groups or filters by is one that metric has (docs/observability.md's table, itself
 * checked against the exports and, end to end, against real scrapes), and every exported metric
 * is on it.
 */
interface Target {
  expr: string;
  refId: string;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  description?: string;
  gridPos: { h: number; w: number; x: number; y: number };
  targets?: Target[];
}
interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string }> };
}

const dashboard = JSON.parse(readFileSync(path.join(__dirname, '../../deploy/grafana/passerelle-dashboard.json'), 'utf8')) as Dashboard;
const charts = dashboard.panels.filter((p) => p.type !== 'row');
const exprs = charts.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));

/** Metric → its type and labels, from the documented table. */
function documentedMetrics(): Map<string, { type: string; labels: string[] }> {
  const table = /<!-- metrics-table:start -->([\s\S]*?)<!-- metrics-table:end -->/.exec(readDoc('docs/observability.md'))?.[1] ?? '';
  const rows = [...table.matchAll(/^\| `(passerelle_[a-z_]+)`\s*\|\s*(\w+)\s*\|([^|]*)\|/gm)];
  return new Map(rows.map(([, name, type, labels]) => [name!, { type: type!, labels: [...labels!.matchAll(/`(\w+)`/g)].map((m) => m[1]!) }]));
}
const metrics = documentedMetrics();
const exported = new Set<string>([...gatewayMetricNames, ...kitMetricNames]);

/** The exported metric a series name in a query belongs to: a histogram's `_bucket`, `_sum` and `_count` are its own. */
function metricOf(series: string): string {
  if (exported.has(series)) return series;
  const base = series.replace(/_(bucket|sum|count)$/, '');
  return metrics.get(base)?.type === 'histogram' ? base : series;
}

/** Every selector `name{label=…}` and every `by (…)` of an expression, as the labels each metric is asked for. */
function labelsAsked(expr: string): Array<{ metric: string; label: string }> {
  const asked: Array<{ metric: string; label: string }> = [];
  const seriesIn = [...expr.matchAll(/(passerelle_[a-z_]+)(\{([^}]*)\})?/g)];
  for (const [, series, , selector] of seriesIn) {
    for (const [, label] of (selector ?? '').matchAll(/(\w+)\s*(=~|!~|!=|=)/g)) asked.push({ metric: metricOf(series!), label: label! });
  }
  // `by (…)` groups the series inside its parentheses' expression: every metric of the expression must have the label.
  const grouped = [...expr.matchAll(/by \(([^)]*)\)/g)].flatMap(([, labels]) => labels!.split(',').map((l) => l.trim()));
  for (const label of grouped) for (const [, series] of seriesIn) asked.push({ metric: metricOf(series!), label });
  return asked;
}

describe('the Grafana dashboard (deploy/grafana/passerelle-dashboard.json)', () => {
  it('is a dashboard Grafana imports: a uid, a title, panels with unique ids, a datasource input, each chart with a query', () => {
    expect([dashboard.uid, typeof dashboard.title, dashboard.schemaVersion >= 36]).toEqual(['passerelle-overview', 'string', true]);
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dashboard.templating.list.map((v) => `${v.name}:${v.type}`)).toEqual(['DS_PROMETHEUS:datasource', 'system:query']);
    expect(charts.filter((p) => (p.targets ?? []).length === 0 || !p.description).map((p) => p.title)).toEqual([]);
    // No two panels overlap on Grafana's 24-column grid.
    const cells = new Set<string>();
    const overlaps: string[] = [];
    for (const { title, gridPos } of dashboard.panels) {
      expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x += 1)
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y += 1) {
          if (cells.has(`${x},${y}`)) overlaps.push(title);
          cells.add(`${x},${y}`);
        }
    }
    expect([...new Set(overlaps)]).toEqual([]);
  });

  it('queries only metrics the gateway and the subgraphs export', () => {
    const unknown = exprs.flatMap(({ panel, expr }) =>
      [...expr.matchAll(/passerelle_[a-z_]+/g)]
        .map(([series]) => metricOf(series))
        .filter((m) => !exported.has(m))
        .map((m) => `${panel}: ${m}`),
    );
    expect(unknown).toEqual([]);
  });

  it('groups and filters each metric only by labels that metric has (le for histograms)', () => {
    const wrong = exprs.flatMap(({ panel, expr }) =>
      labelsAsked(expr)
        .filter(({ metric, label }) => {
          const known = metrics.get(metric);
          return known === undefined || !(known.labels.includes(label) || (label === 'le' && known.type === 'histogram') || label === 'instance');
        })
        .map(({ metric, label }) => `${panel}: ${metric} by ${label}`),
    );
    expect(wrong).toEqual([]);
  });

  it('charts every exported metric', () => {
    const charted = new Set(exprs.flatMap(({ expr }) => [...expr.matchAll(/passerelle_[a-z_]+/g)].map(([series]) => metricOf(series))));
    expect([...exported].filter((name) => !charted.has(name))).toEqual([]);
  });
});
