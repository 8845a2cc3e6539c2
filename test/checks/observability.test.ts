import { gatewayMetricNames } from '@passerelle/gateway';
import { kitMetricNames } from '@passerelle/subgraph-kit/metrics';
import { readDoc } from '../src/docs/documentedOperations';

// The dashboard (item 7 of issue 12) is built from docs/observability.md's table: it must list
// exactly the metrics the services export, in the same order as the exported constants.
describe('docs/observability.md', () => {
  it('lists every exported metric, and only those, in its metrics table', () => {
    const table = /<!-- metrics-table:start -->([\s\S]*?)<!-- metrics-table:end -->/.exec(readDoc('docs/observability.md'))?.[1] ?? '';
    const documented = [...table.matchAll(/^\| `(passerelle_[a-z_]+)`/gm)].map((m) => m[1]);
    expect(documented).toEqual([...gatewayMetricNames, ...kitMetricNames]);
  });
});
