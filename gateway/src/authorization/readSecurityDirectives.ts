import { policies, roles } from '@passerelle/subgraph-kit';
import { Kind, parse, print, visit, type ConstDirectiveNode, type ConstValueNode, type DefinitionNode } from 'graphql';
import type { AuthRequirement } from './AuthRequirement';
import { readLinkedFeatures, type LinkedFeature } from './readLinkedFeatures';

type SecurityKind = 'authenticated' | 'requiresScopes' | 'policy';

/** The security features this gateway enforces itself, then removes before planning. */
const enforcedFeatures: Readonly<Record<string, { kind: SecurityKind; versions: readonly string[] }>> = {
  'https://specs.apollo.dev/authenticated': { kind: 'authenticated', versions: ['v0.1'] },
  'https://specs.apollo.dev/requiresScopes': { kind: 'requiresScopes', versions: ['v0.1'] },
  'https://specs.apollo.dev/policy': { kind: 'policy', versions: ['v0.1'] },
};

/** Features with a purpose that @apollo/gateway itself implements, and are left in the planner's SDL. */
const gatewayFeatures: Readonly<Record<string, readonly string[]>> = {
  'https://specs.apollo.dev/link': ['v1.0'],
  'https://specs.apollo.dev/join': ['v0.1', 'v0.2', 'v0.3', 'v0.4', 'v0.5'],
  'https://specs.apollo.dev/inaccessible': ['v0.1', 'v0.2'],
};

const purposes = ['SECURITY', 'EXECUTION'];

/** A scope of the security model: `role:<role>`, or `partenaire:<code>` of a partner the supergraph declares. */
const isKnownScope = (scope: string, partnerCodes: ReadonlySet<string>): boolean =>
  scope.startsWith('role:') ? (roles as readonly string[]).includes(scope.slice(5)) : scope.startsWith('partenaire:') && partnerCodes.has(scope.slice(11));

export interface SecurityDirectives {
  /** Requirements by coordinate: `Type.field` for fields, `Type` for object, interface, enum and scalar types. */
  requirements: Map<string, AuthRequirement>;
  /** The supergraph without the enforced features (links, definitions, applications): what ApolloGateway plans on. */
  plannerSdl: string;
}

const refuse = (message: string) => new Error(`The supergraph cannot be served: ${message} The gateway refuses it rather than ignore a security rule.`);

function checkFeatures(features: readonly LinkedFeature[]): LinkedFeature[] {
  const enforced: LinkedFeature[] = [];
  for (const feature of features) {
    if (feature.purpose !== null && !purposes.includes(feature.purpose)) {
      throw refuse(`${feature.url} is linked for ${feature.purpose}, a purpose the link spec does not define.`);
    }
    const known = enforcedFeatures[feature.identity];
    if (known !== undefined) {
      if (feature.version === null || !known.versions.includes(feature.version)) {
        throw refuse(`${feature.url} is a version of ${feature.name} this gateway does not know how to enforce (known: ${known.versions.join(', ')}).`);
      }
      enforced.push(feature);
    } else if (feature.purpose !== null && !(gatewayFeatures[feature.identity] ?? []).includes(feature.version ?? '')) {
      throw refuse(`${feature.url} is linked for ${feature.purpose} and this gateway does not implement it.`);
    }
  }
  return enforced;
}

/** The local name of a feature's main directive (`@requiresScopes` in the spec), from `import` or the prefix. */
function directiveNameOf(feature: LinkedFeature): string {
  const imported = feature.imports.get(`@${feature.name}`);
  return imported !== undefined ? imported.replace(/^@/, '') : feature.prefix;
}

function listOfLists(value: ConstValueNode | undefined, what: string, where: string): string[][] {
  if (value?.kind !== Kind.LIST || value.values.length === 0) throw refuse(`${where}: ${what} must be a non-empty list of lists.`);
  return value.values.map((inner) => {
    if (inner.kind !== Kind.LIST || inner.values.length === 0) throw refuse(`${where}: each alternative of ${what} must be a non-empty list (an empty one would let anyone in).`);
    return inner.values.map((item) => {
      if (item.kind !== Kind.STRING) throw refuse(`${where}: ${what} must be strings.`);
      return item.value;
    });
  });
}

function requirementOf(kind: SecurityKind, node: ConstDirectiveNode, where: string, partnerCodes: ReadonlySet<string>): AuthRequirement {
  const argument = (name: string) => node.arguments?.find((a) => a.name.value === name)?.value;
  switch (kind) {
    case 'authenticated':
      return { authenticated: true, scopes: null, policies: null };
    case 'requiresScopes': {
      const scopes = listOfLists(argument('scopes'), 'scopes', where);
      const malformed = scopes.flat().find((scope) => !isKnownScope(scope, partnerCodes));
      if (malformed !== undefined)
        throw refuse(`${where}: scope "${malformed}" is neither role:<role> of the security model nor partenaire:<code> of a partner the supergraph declares (@partenaire).`);
      return { authenticated: false, scopes, policies: null };
    }
    case 'policy': {
      const names = listOfLists(argument('policies'), 'policies', where);
      const unknown = names.flat().find((name) => !Object.prototype.hasOwnProperty.call(policies, name));
      if (unknown !== undefined) throw refuse(`${where}: policy "${unknown}" is not one the gateway knows (${Object.keys(policies).join(', ')}).`);
      return { authenticated: false, scopes: null, policies: names };
    }
  }
}

/** Both alternatives lists must hold: the DNF of their conjunction. */
function conjoin(a: string[][] | null, b: string[][] | null): string[][] | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.flatMap((x) => b.map((y) => [...new Set([...x, ...y])]));
}

function addRequirement(requirements: Map<string, AuthRequirement>, coordinate: string, added: AuthRequirement): void {
  const current = requirements.get(coordinate);
  requirements.set(
    coordinate,
    current === undefined ? added : { authenticated: current.authenticated || added.authenticated, scopes: conjoin(current.scopes, added.scopes), policies: conjoin(current.policies, added.policies) },
  );
}

/**
 * Reads the supergraph's `@authenticated`, `@requiresScopes` and `@policy` (by their linked
 * names, `as:` and `import` included) on fields and on object, interface, enum and scalar
 * types, and returns the SDL @apollo/gateway accepts: the same supergraph without these
 * features. Fails closed: any feature linked for SECURITY or EXECUTION that neither this
 * module nor @apollo/gateway implements, an unknown policy, a scope of another shape, or one
 * of these directives where it cannot be enforced (arguments, enum values, unions, inputs)
 * throws, naming it.
 */
export function readSecurityDirectives(supergraphSdl: string, partnerCodes: ReadonlySet<string>): SecurityDirectives {
  const document = parse(supergraphSdl);
  const enforced = checkFeatures(readLinkedFeatures(document));
  const kindByDirective = new Map<string, SecurityKind>(enforced.map((f) => [directiveNameOf(f), enforcedFeatures[f.identity]!.kind]));
  const linkNodes = new Set(enforced.map((f) => f.node));
  const featureTypes = (name: string) => enforced.some((f) => name.startsWith(`${f.prefix}__`) || [...f.imports].some(([original, local]) => !original.startsWith('@') && local === name));

  const requirements = new Map<string, AuthRequirement>();
  const read = (directives: readonly ConstDirectiveNode[] | undefined, coordinate: string, enforceable: boolean) => {
    for (const node of directives ?? []) {
      const kind = kindByDirective.get(node.name.value);
      if (kind === undefined) continue;
      if (!enforceable) throw refuse(`@${node.name.value} on ${coordinate} cannot be enforced there (only on fields and on object, interface, enum and scalar types).`);
      addRequirement(requirements, coordinate, requirementOf(kind, node, `@${node.name.value} on ${coordinate}`, partnerCodes));
    }
  };
  const readDefinition = (definition: DefinitionNode) => {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        read(definition.directives, definition.name.value, true);
        for (const field of definition.fields ?? []) {
          read(field.directives, `${definition.name.value}.${field.name.value}`, true);
          for (const arg of field.arguments ?? []) read(arg.directives, `${definition.name.value}.${field.name.value}(${arg.name.value}:)`, false);
        }
        return;
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        read(definition.directives, definition.name.value, true);
        for (const value of definition.values ?? []) read(value.directives, `${definition.name.value}.${value.name.value}`, false);
        return;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
        read(definition.directives, definition.name.value, true);
        return;
      case Kind.UNION_TYPE_DEFINITION:
      case Kind.UNION_TYPE_EXTENSION:
        read(definition.directives, definition.name.value, false);
        return;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        read(definition.directives, definition.name.value, false);
        for (const field of definition.fields ?? []) read(field.directives, `${definition.name.value}.${field.name.value}`, false);
        return;
      case Kind.SCHEMA_DEFINITION:
      case Kind.SCHEMA_EXTENSION:
        read(definition.directives, 'the schema', false);
        return;
      default:
        return;
    }
  };
  document.definitions.forEach(readDefinition);

  const stripped = visit(document, {
    Directive: (node) => (linkNodes.has(node as ConstDirectiveNode) || kindByDirective.has(node.name.value) ? null : undefined),
    DirectiveDefinition: (node) => (kindByDirective.has(node.name.value) ? null : undefined),
    ScalarTypeDefinition: (node) => (featureTypes(node.name.value) ? null : undefined),
    EnumTypeDefinition: (node) => (featureTypes(node.name.value) ? null : undefined),
    InputObjectTypeDefinition: (node) => (featureTypes(node.name.value) ? null : undefined),
  });
  return { requirements, plannerSdl: print(stripped) };
}
