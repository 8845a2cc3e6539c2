import { partnerCodePattern, partnerSpec } from '@passerelle/subgraph-kit';
import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { argumentsOf, linkedDirectiveName } from './linkedDirectiveName';
import type { LintFinding } from './LintFinding';

/** The partner spec's URL, without its version, ending in `/` (schema/PARTENAIRES.md). */
export const partnerSpecUrl = `${partnerSpec.identity}/`;
export { partnerCodePattern };

export interface PartnerDeclarationLint {
  findings: LintFinding[];
  /** The code the subgraph declares, when it declares exactly one. */
  code?: string;
}

const stringArgument = (directive: ConstDirectiveNode, name: string) => {
  const value = argumentsOf(directive)[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The partner declaration of one subgraph: the spec linked and composed, exactly one schema-level
 * `@partenaire` with a well-formed `code` and a `libelle`, and field-level `@partenaire` only on
 * `Usager` fields the subgraph resolves itself, with its own code.
 */
export function lintPartnerDeclaration(subgraph: string, document: DocumentNode): PartnerDeclarationLint {
  const findings: LintFinding[] = [];
  const report = (coordinate: string, message: string) => findings.push({ rule: 'partner-declaration', subgraph, coordinate, message });
  const partenaire = linkedDirectiveName(document, partnerSpecUrl, 'partenaire');
  const local = partenaire ?? 'partenaire';
  const composeDirective = linkedDirectiveName(document, 'https://specs.apollo.dev/federation/', 'composeDirective') ?? 'composeDirective';
  const schemaDirectives = document.definitions.flatMap((d) => (d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION ? (d.directives ?? []) : []));

  const declarations = schemaDirectives.filter((d) => d.name.value === local);
  const composed = schemaDirectives.some((d) => d.name.value === composeDirective && argumentsOf(d).name === `@${local}`);
  if (partenaire === undefined && declarations.length === 0 && !composed) {
    report(
      'schema',
      `declares no partner: add to \`extend schema\` @link(url: "${partnerSpecUrl}${partnerSpec.version}", import: ["@partenaire"]) @composeDirective(name: "@partenaire") @partenaire(code: "<code>", libelle: "<the partner's name>"), and the directive's definition (see the partner spec)`,
    );
    return { findings };
  }
  if (partenaire === undefined) report('schema', `no @link to the partner spec: add @link(url: "${partnerSpecUrl}${partnerSpec.version}", import: ["@partenaire"]) to \`extend schema\``);
  if (!composed)
    report(
      'schema',
      `no @composeDirective(name: "@${local}"): without it composition drops the partner declaration from the supergraph; add it to \`extend schema\` (and import @composeDirective from federation)`,
    );

  let code: string | undefined;
  if (declarations.length === 0) {
    report('schema', `declares no partner: add @${local}(code: "<code>", libelle: "<the partner's name>") to \`extend schema\` (see the partner spec)`);
  } else if (declarations.length > 1) {
    report('schema', `declares ${declarations.length} partners on the schema: a subgraph speaks for exactly one`);
  } else {
    const declaration = declarations[0]!;
    code = stringArgument(declaration, 'code');
    const libelle = stringArgument(declaration, 'libelle');
    if (code === undefined) report('schema', `the schema's @${local} has no code`);
    else if (!partnerCodePattern.test(code)) report('schema', `partner code "${code}" is not lower-case letters, digits and hyphens, 2 to 31 characters starting with a letter`);
    if (libelle === undefined || libelle.trim() === '') report('schema', `the schema's @${local} has no libelle: give the partner's name for people`);
  }

  // A malformed code is reported above; field-level declarations are only compared with a valid one.
  const ownCode = code !== undefined && partnerCodePattern.test(code) ? code : undefined;
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    )
      continue;
    for (const field of definition.fields ?? []) {
      const coordinate = `${definition.name.value}.${field.name.value}`;
      for (const application of (field.directives ?? []).filter((d) => d.name.value === local)) {
        const fieldCode = stringArgument(application, 'code');
        if (definition.name.value !== 'Usager') report(coordinate, `@${local} on ${coordinate}: field-level declarations belong on fields of Usager only`);
        else if (field.directives?.some((d) => d.name.value === (linkedDirectiveName(document, 'https://specs.apollo.dev/federation/', 'external') ?? 'external'))) {
          report(coordinate, `@${local} on ${coordinate}, which this subgraph does not resolve (@external): declare it in the subgraph that resolves it`);
        } else if (ownCode !== undefined && fieldCode !== ownCode) {
          report(coordinate, `@${local}(code: "${fieldCode ?? ''}") on ${coordinate}: this subgraph speaks for "${ownCode}" and may only declare its own data`);
        }
      }
    }
  }
  return { findings, ...(ownCode !== undefined ? { code: ownCode } : {}) };
}

/** Across subgraphs: no two subgraphs declare the same partner code. */
export function lintPartnerCodesUnique(declarations: ReadonlyArray<{ subgraph: string; code?: string }>): LintFinding[] {
  const byCode = new Map<string, string[]>();
  for (const { subgraph, code } of declarations) if (code !== undefined) byCode.set(code, [...(byCode.get(code) ?? []), subgraph]);
  return [...byCode]
    .filter(([, subgraphs]) => subgraphs.length > 1)
    .map(([code, subgraphs]) => ({
      rule: 'partner-declaration' as const,
      subgraph: subgraphs.join(', '),
      coordinate: 'schema',
      message: `partner code "${code}" is declared by ${subgraphs.length} subgraphs (${subgraphs.join(', ')}): each partner code belongs to one subgraph`,
    }));
}
