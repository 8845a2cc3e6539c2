import { changeKey, type ChangeSeverity, type ClassifiedChange } from './diffApiSchemas';
import type { LintFinding } from './LintFinding';
import type { SchemaCheckReport } from './runSchemaCheck';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The report as people read it: composition, changes by severity, persisted operations, lint,
 * then the verdict. `breakingChangesFile` is where acknowledgements go, as the reader sees it.
 */
export function formatSchemaCheckReport(report: SchemaCheckReport, breakingChangesFile = 'schema/breaking-changes.json'): string {
  const out: string[] = [];
  const section = (title: string) => out.push('', `== ${title} ==`);

  section('Composition');
  if (report.composition.ok) out.push(`ok (${report.composition.hints} hint(s))`);
  else {
    out.push(`FAILED: ${report.composition.errors.length} error(s)`);
    for (const error of report.composition.errors) {
      const where = [error.subgraphs.length > 0 ? `subgraph(s) ${error.subgraphs.join(', ')}` : 'subgraph not named', error.coordinates.length > 0 ? error.coordinates.join(', ') : undefined]
        .filter(Boolean)
        .join(' — ');
      out.push(`  ✗ ${error.code} — ${where}`);
      if (error.explanation) out.push(`    ${error.explanation}`);
      out.push(...`composition says: ${error.message}`.split('\n').map((line) => `    | ${line}`));
    }
  }

  section('Changes');
  const changes = report.changes;
  if (changes === null) out.push('skipped: composition failed');
  else {
    out.push(`against ${changes.base.label}`);
    if (changes.base.note) out.push(`note: ${changes.base.note}`);
    const notComposed = new Set((changes.onDisk?.notComposed ?? []).map(changeKey));
    const acknowledged = new Map(changes.acknowledged.map(({ change, acknowledgement }) => [changeKey(change), acknowledgement]));
    const line = (change: ClassifiedChange) => {
      const ack = acknowledged.get(changeKey(change));
      const marks = [ack ? `acknowledged by ${ack.acknowledgedBy} on ${ack.date}: ${ack.reason}` : '', notComposed.has(changeKey(change)) ? 'not in api.graphql yet' : ''].filter(Boolean);
      return `  ${change.severity === 'BREAKING' && !ack ? '✗' : change.severity === 'SAFE' ? '·' : '!'} ${change.type} ${change.path}: ${change.message}${marks.length > 0 ? ` [${marks.join('; ')}]` : ''}`;
    };
    if (changes.changes.length === 0) out.push('no change to the API schema');
    for (const severity of ['BREAKING', 'DANGEROUS', 'SAFE'] as const satisfies readonly ChangeSeverity[]) {
      const ofSeverity = changes.changes.filter((c) => c.severity === severity);
      if (ofSeverity.length === 0) continue;
      out.push(`${severity} (${ofSeverity.length})${severity === 'DANGEROUS' ? ': pass, but check the front-ends handle them' : ''}`);
      for (const change of ofSeverity) {
        out.push(line(change));
        if (severity === 'DANGEROUS' && change.reason) out.push(`      ${change.reason}`);
      }
    }
    if (changes.onDisk !== undefined) {
      const extra = changes.onDisk.notComposed.filter((c) => !changes.changes.some((d) => changeKey(d) === changeKey(c)));
      if (changes.onDisk.notComposed.length === 0) out.push(`${changes.onDisk.label} is up to date with the subgraphs`);
      else
        out.push(
          `${changes.onDisk.label} is stale: ${changes.onDisk.notComposed.length} change(s) not written yet — run \`npm run compose\` and commit schema/api.graphql and schema/supergraph.graphql`,
        );
      for (const change of extra) out.push(`  (on disk only) ${change.type} ${change.path}: ${change.message}`);
    }
    for (const unused of changes.unused)
      out.push(`acknowledged in ${breakingChangesFile}, not a change against this base: ${unused.type} ${unused.path} (already in the base, or a type/path that does not match)`);
    if (changes.unacknowledged.length > 0) {
      out.push(
        '',
        `${changes.unacknowledged.length} breaking change(s) not acknowledged. A breaking change passes only once the front-ends are known not to use it:`,
        `check with their teams, then add to "acknowledgements" in ${breakingChangesFile} (and commit it):`,
        ...JSON.stringify(
          changes.unacknowledged.map((c) => ({
            type: c.type,
            path: c.path,
            message: c.message,
            reason: '<why no front-end breaks, or how they migrate>',
            date: today(),
            acknowledgedBy: '<your name>',
          })),
          null,
          2,
        )
          .split('\n')
          .map((l) => `  ${l}`),
      );
    }
  }

  section('Persisted operations');
  if (report.operations === null) out.push('skipped: composition failed');
  else {
    out.push(`${report.operations.checked} document(s) validated against the new API schema`);
    for (const failure of report.operations.failures) {
      out.push(`  ✗ ${failure.name} (${failure.sources.join(', ')})`);
      for (const error of failure.errors) out.push(`      ${error}`);
    }
    if (report.operations.failures.length > 0) {
      out.push('A change that breaks a persisted operation cannot be acknowledged: update the operation in gateway/operations first (then `npm run persisted:build`), or keep the schema compatible.');
    }
  }

  section('Lint');
  if (report.lint.length === 0) out.push('ok');
  const byRule = new Map<string, LintFinding[]>();
  for (const finding of report.lint) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
  for (const [rule, findings] of byRule) {
    out.push(`${rule} (${findings.length})`);
    for (const f of findings) out.push(`  ✗ ${f.subgraph ?? 'composed API'}: ${f.coordinate ? `${f.coordinate}: ` : ''}${f.message}`);
  }

  out.push('', report.ok ? 'Schema check passed.' : `Schema check FAILED: ${failures(report).join(', ')}.`);
  return out.join('\n').trimStart() + '\n';
}

function failures(report: SchemaCheckReport): string[] {
  return [
    report.composition.ok ? '' : 'composition',
    report.changes && report.changes.unacknowledged.length > 0 ? `${report.changes.unacknowledged.length} unacknowledged breaking change(s)` : '',
    report.operations && report.operations.failures.length > 0 ? `${report.operations.failures.length} broken persisted operation(s)` : '',
    report.lint.length > 0 ? `${report.lint.length} lint finding(s)` : '',
  ].filter(Boolean);
}
