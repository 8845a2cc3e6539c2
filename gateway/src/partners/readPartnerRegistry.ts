import { partnerCodePattern, partnerSpec } from '@passerelle/subgraph-kit';
import { Kind, parse, print, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { readLinkedFeatures } from '../authorization/readLinkedFeatures';
import { joinGraphNames, graphOfJoin } from './joinGraphNames';
import type { PartnerDeclaration, PartnerRegistry } from './PartnerRegistry';

const partnerSpecIdentity = partnerSpec.identity;
const knownVersions: readonly string[] = [partnerSpec.version];

const refuse = (message: string) => new Error(`The supergraph cannot be served: ${message} The gateway refuses it rather than guess who a partner is.`);

function argumentValue(directive: ConstDirectiveNode, name: string): string | boolean | null | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (value === undefined) return undefined;
  if (value.kind === Kind.NULL) return null;
  if (value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.BOOLEAN) return value.value;
  throw refuse(`${print(directive)}: ${name} must be a literal string or boolean.`);
}

/**
 * Reads who the partners are from a supergraph: each subgraph's schema-level
 * `@partenaire(code:, libelle:, opposable:)` (composed onto the supergraph's schema) and the
 * field-level `@partenaire(code:)` on the `Usager` fields it resolves (next to their
 * `@join__field`, which tells the subgraph). Fails closed: a supergraph without the spec, with a
 * version this gateway does not know, a malformed or duplicate code, a field naming an undeclared
 * partner, or a subgraph speaking for two partners, is refused.
 */
export function readPartnerRegistry(supergraph: string | DocumentNode): PartnerRegistry {
  const document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const feature = readLinkedFeatures(document).find((f) => f.identity === partnerSpecIdentity);
  if (feature === undefined) throw refuse(`it does not link ${partnerSpecIdentity}, so no subgraph declared which partner it speaks for.`);
  if (feature.version === null || !knownVersions.includes(feature.version))
    throw refuse(`${feature.url} is a version of the partner spec this gateway does not know (known: ${knownVersions.join(', ')}).`);
  const directiveName = (feature.imports.get('@partenaire') ?? `@${feature.prefix}__partenaire`).replace(/^@/, '');
  const isPartenaire = (d: ConstDirectiveNode) => d.name.value === directiveName;

  const declared = new Map<string, { code: string; libelle: string; opposable: boolean }>();
  const schemaDirectives = document.definitions.flatMap((d) => (d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION ? (d.directives ?? []) : []));
  for (const directive of schemaDirectives.filter(isPartenaire)) {
    const code = argumentValue(directive, 'code');
    const libelle = argumentValue(directive, 'libelle');
    const opposable = argumentValue(directive, 'opposable') ?? true;
    if (typeof code !== 'string' || !partnerCodePattern.test(code)) throw refuse(`${print(directive)}: code must match ${partnerCodePattern}.`);
    if (typeof libelle !== 'string' || libelle.trim() === '') throw refuse(`${print(directive)}: a partner declaration needs a libelle.`);
    if (typeof opposable !== 'boolean') throw refuse(`${print(directive)}: opposable must be a boolean.`);
    if (declared.has(code)) throw refuse(`partner "${code}" is declared by two subgraphs.`);
    declared.set(code, { code, libelle, opposable });
  }

  const graphs = joinGraphNames(document);
  const fields = new Map<string, { subgraphs: Set<string>; usagerFields: string[] }>();
  const partnerOfSubgraph = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const marks = (field.directives ?? []).filter(isPartenaire);
      if (marks.length === 0) continue;
      const where = `${definition.name.value}.${field.name.value}`;
      if (definition.name.value !== 'Usager') throw refuse(`${where} carries @${directiveName}, which only marks Usager fields.`);
      if (marks.length > 1) throw refuse(`${where} is marked for several partners.`);
      const code = argumentValue(marks[0]!, 'code');
      if (typeof code !== 'string' || !declared.has(code)) throw refuse(`${where} names partner "${String(code)}", which no subgraph declares.`);
      const owners = (field.directives ?? [])
        .filter((d) => d.name.value === 'join__field' && argumentValue(d, 'external') !== true)
        .map((d) => graphOfJoin(d, graphs))
        .filter((g): g is string => g !== undefined);
      if (owners.length === 0) throw refuse(`${where} is marked for "${code}" but no subgraph resolves it.`);
      const entry = fields.get(code) ?? { subgraphs: new Set<string>(), usagerFields: [] };
      owners.forEach((owner) => {
        const other = partnerOfSubgraph.get(owner);
        if (other !== undefined && other !== code) throw refuse(`subgraph ${owner} marks fields for two partners, "${other}" and "${code}".`);
        partnerOfSubgraph.set(owner, code);
        entry.subgraphs.add(owner);
      });
      entry.usagerFields.push(field.name.value);
      fields.set(code, entry);
    }
  }

  const partners = new Map<string, PartnerDeclaration>(
    [...declared.values()].map((d) => [d.code, { ...d, subgraphs: [...(fields.get(d.code)?.subgraphs ?? [])].sort(), usagerFields: fields.get(d.code)?.usagerFields ?? [] }]),
  );
  const byField = new Map<string, PartnerDeclaration>();
  for (const partner of partners.values()) for (const field of partner.usagerFields) byField.set(field, partner);
  return {
    partners,
    partnerOfSubgraph: (subgraph) => partners.get(partnerOfSubgraph.get(subgraph) ?? '') ?? null,
    partnerOfUsagerField: (field) => byField.get(field) ?? null,
    opposables: [...partners.values()].filter((p) => p.opposable).map((p) => p.code),
  };
}
