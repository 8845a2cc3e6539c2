import { Kind, type DocumentNode } from 'graphql';
import type { LinkedFeature } from './readLinkedFeatures';

/** Identity of Passerelle's partner spec (the partner spec, linked by each subgraph and composed with @composeDirective). */
export const partenaireSpecIdentity = 'https://passerelle.aveyron.fr/partenaire';

/**
 * The partner codes the supergraph declares with a schema-level `@partenaire(code:)`: composition
 * merges every subgraph's declaration onto the supergraph's schema. A partner published after the
 * kit's list of partners (a new subgraph folder) is known to the gateway through it.
 */
export function declaredPartners(document: DocumentNode, features: readonly LinkedFeature[]): Set<string> {
  const feature = features.find((f) => f.identity === partenaireSpecIdentity);
  if (feature === undefined) return new Set();
  const directiveName = (feature.imports.get('@partenaire') ?? `@${feature.prefix}`).replace(/^@/, '');
  const codes = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== directiveName) continue;
      const code = directive.arguments?.find((a) => a.name.value === 'code')?.value;
      if (code?.kind === Kind.STRING) codes.add(code.value);
    }
  }
  return codes;
}
