import { Kind, type DirectiveNode, type DocumentNode, type FieldDefinitionNode, type TypeNode } from 'graphql';
import { categoryOf, directivesOf, type Requirement } from './classificationConvention';
import { argumentsOf, linkedDirectiveName } from './linkedDirectiveName';
import type { LintFinding } from './LintFinding';

const federation = 'https://specs.apollo.dev/federation/';

/** The names the document uses for the directives the rules read (a subgraph may import them under another name). */
function directiveNames(document: DocumentNode) {
  const name = (element: string) => linkedDirectiveName(document, federation, element) ?? element;
  return { authenticated: name('authenticated'), requiresScopes: name('requiresScopes'), policy: name('policy'), inaccessible: name('inaccessible'), external: name('external') };
}
type Names = ReturnType<typeof directiveNames>;

function requirementOf(directives: readonly DirectiveNode[] | undefined, names: Names): Requirement {
  const find = (name: string) => directives?.find((d) => d.name.value === name);
  const lists = (name: string, argument: string) => {
    const directive = find(name);
    if (directive === undefined) return null;
    const value = argumentsOf(directive)[argument];
    return Array.isArray(value) ? value.map((inner) => (Array.isArray(inner) ? inner.map(String) : [String(inner)])) : [];
  };
  return { authenticated: find(names.authenticated) !== undefined, scopes: lists(names.requiresScopes, 'scopes'), policies: lists(names.policy, 'policies') };
}

const has = (directives: readonly DirectiveNode[] | undefined, name: string) => directives?.some((d) => d.name.value === name) ?? false;
const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/**
 * The classification rule of schema/AUTHORIZATION.md, on one subgraph's SDL:
 * - every requirement (on a field or a type) is exactly one category's signature;
 * - every field of `Usager` the subgraph resolves and a client can select, but `id` (public
 *   "apart from its type"), carries a category that is about a person (not public, not `reseau`);
 * - every field of a partner's file type (the type a `presence:<p>` field of `Usager` returns)
 *   carries `presence:<p>` or `donnees-partenaire:<p>`, but the `@inaccessible` markers;
 * - no `Mutation` field is public: writing is never "reference data with nothing about anyone".
 * `ownPartner` is the partner the subgraph declares (`@partenaire` on its schema): its file's
 * categories count even when the convention's table does not list it yet.
 */
export function lintClassification(subgraph: string, document: DocumentNode, ownPartner?: string): LintFinding[] {
  const names = directiveNames(document);
  const findings: LintFinding[] = [];
  const report = (coordinate: string, message: string) => findings.push({ rule: 'classification', subgraph, coordinate, message });
  const fieldsByType = new Map<string, FieldDefinitionNode[]>();

  const objectKinds: ReadonlySet<Kind> = new Set([Kind.OBJECT_TYPE_DEFINITION, Kind.OBJECT_TYPE_EXTENSION, Kind.INTERFACE_TYPE_DEFINITION, Kind.INTERFACE_TYPE_EXTENSION]);
  const requirementKinds: ReadonlySet<Kind> = new Set([...objectKinds, Kind.ENUM_TYPE_DEFINITION, Kind.ENUM_TYPE_EXTENSION, Kind.SCALAR_TYPE_DEFINITION, Kind.SCALAR_TYPE_EXTENSION]);
  for (const definition of document.definitions) {
    if (!requirementKinds.has(definition.kind) || !('name' in definition) || definition.name === undefined) continue;
    const type = definition.name.value;
    if ('fields' in definition && objectKinds.has(definition.kind)) fieldsByType.set(type, [...(fieldsByType.get(type) ?? []), ...((definition.fields ?? []) as readonly FieldDefinitionNode[])]);
    const directives = 'directives' in definition ? definition.directives : undefined;
    if (categoryOf(requirementOf(directives, names), ownPartner) === undefined)
      report(type, `${type}'s requirement is no category of schema/AUTHORIZATION.md: give it exactly the directives of its category`);
  }

  const categoryOfField = (field: FieldDefinitionNode) => categoryOf(requirementOf(field.directives, names), ownPartner);
  const resolvedAndSelectable = (field: FieldDefinitionNode) => !has(field.directives, names.external) && !has(field.directives, names.inaccessible);
  for (const [type, fields] of fieldsByType) {
    for (const field of fields) {
      if (categoryOfField(field) === undefined)
        report(`${type}.${field.name.value}`, `${type}.${field.name.value}'s directives are no category of schema/AUTHORIZATION.md: give it exactly the directives of its category`);
    }
  }

  for (const field of (fieldsByType.get('Usager') ?? []).filter(resolvedAndSelectable)) {
    const category = categoryOfField(field);
    if (field.name.value === 'id' || category === undefined) continue;
    if (category === 'public' || category === 'reseau') {
      report(
        `Usager.${field.name.value}`,
        `Usager.${field.name.value} is about a person but carries ${category === 'public' ? 'no security directive' : 'only @authenticated (reseau)'}: give it the directives of its category (schema/AUTHORIZATION.md), e.g. presence:<partner> ${directivesOf('presence:caf').replace(/caf/g, '<partner>')}`,
      );
    }
    const partner = /^presence:(.+)$/.exec(category)?.[1];
    if (partner === undefined) continue;
    const fileType = namedType(field.type);
    for (const fileField of (fieldsByType.get(fileType) ?? []).filter(resolvedAndSelectable)) {
      const fileCategory = categoryOfField(fileField);
      if (fileCategory === undefined || fileCategory === `presence:${partner}` || fileCategory === `donnees-partenaire:${partner}`) continue;
      report(
        `${fileType}.${fileField.name.value}`,
        `${fileType}.${fileField.name.value} is a field of ${partner}'s file (Usager.${field.name.value} returns ${fileType}) but carries ${fileCategory === 'public' ? 'no security directive' : fileCategory}: give it donnees-partenaire:${partner}, ${directivesOf(`donnees-partenaire:${partner}`)}`,
      );
    }
  }

  for (const field of (fieldsByType.get('Mutation') ?? []).filter(resolvedAndSelectable)) {
    if (categoryOfField(field) !== 'public') continue;
    report(
      `Mutation.${field.name.value}`,
      `Mutation.${field.name.value} carries no security directive: a mutation writes about someone and is never public; give it the directives of its category (schema/AUTHORIZATION.md, e.g. dossier-partage-ecriture ${directivesOf('dossier-partage-ecriture')})`,
    );
  }
  return findings;
}

/** On the composed supergraph: the `Usager` type itself is `identite` (AUTHORIZATION.md, "Usager has a type-level requirement"). */
export function lintSupergraphClassification(supergraph: DocumentNode): LintFinding[] {
  const names = {
    authenticated: linkedDirectiveName(supergraph, 'https://specs.apollo.dev/authenticated/', 'authenticated') ?? 'authenticated',
    requiresScopes: linkedDirectiveName(supergraph, 'https://specs.apollo.dev/requiresScopes/', 'requiresScopes') ?? 'requiresScopes',
    policy: linkedDirectiveName(supergraph, 'https://specs.apollo.dev/policy/', 'policy') ?? 'policy',
    inaccessible: 'inaccessible',
    external: 'external',
  };
  const usager = supergraph.definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Usager');
  if (usager === undefined || usager.kind !== Kind.OBJECT_TYPE_DEFINITION) return [];
  const category = categoryOf(requirementOf(usager.directives, names));
  if (category === 'identite') return [];
  return [
    {
      rule: 'classification',
      coordinate: 'Usager',
      message: `the composed Usager type is ${category ?? 'of no category'}, not identite: the identite subgraph's Usager must carry ${directivesOf('identite')} (schema/AUTHORIZATION.md)`,
    },
  ];
}
