/**
 * The data-classification convention of schema/AUTHORIZATION.md ("Data classification
 * convention"): each category is one signature of @authenticated / @requiresScopes / @policy.
 * gateway/test/authorization/classification.test.ts holds the same table over the composed
 * supergraph; this one checks each subgraph before composition, where the subgraph is known.
 */
export interface Requirement {
  authenticated: boolean;
  /** `@requiresScopes(scopes:)`, alternatives of scopes that must all be held; null without the directive. */
  scopes: string[][] | null;
  /** `@policy(policies:)`, alike; null without the directive. */
  policies: string[][] | null;
}

/** The partners that have a `presence:<p>` and a `donnees-partenaire:<p>` category. */
export const filePartners = ['caf', 'msa', 'france-travail', 'cpam', 'carsat', 'bailleurs', 'siao'] as const;
/** CRPA L114-8 II: a controlling purpose may not read these partners' data. */
const horsControle: ReadonlySet<string> = new Set(['caf', 'msa', 'france-travail']);

const role = (...roles: string[]) => roles.map((r) => [`role:${r}`]);
const agent = (partner: string) => [['role:agent', `partenaire:${partner}`]];
const requirement = (scopes: string[][] | null, policy = false, authenticated = false): Requirement => ({ authenticated, scopes, policies: policy ? [['finalite-hors-controle']] : null });

/** Every category but `public` (no directive), with its one signature. */
export const categories: ReadonlyMap<string, Requirement> = new Map<string, Requirement>([
  ['reseau', requirement(null, false, true)],
  ['identite', requirement([...role('accueil', 'referent', 'agent', 'usager')])],
  ...filePartners.flatMap((p): Array<[string, Requirement]> => [
    [`presence:${p}`, requirement([...role('accueil', 'referent'), ...agent(p), ...role('usager')], horsControle.has(p))],
    [`donnees-partenaire:${p}`, requirement([...role('referent'), ...agent(p), ...role('usager')], horsControle.has(p))],
  ]),
  ['presence-partenaires', requirement(role('accueil', 'referent', 'usager'), true)],
  ['orientations', requirement(role('accueil', 'referent', 'usager'))],
  ['orientation-ecriture', requirement(role('accueil', 'referent'))],
  ['dossier-partage', requirement([...role('referent'), ...agent('departement'), ...role('usager')])],
  ['dossier-partage-ecriture', requirement([...role('referent'), ...agent('departement')])],
  ['opposition', requirement([...role('accueil', 'referent'), ...agent('departement'), ...role('usager')])],
  ['portefeuille', requirement(role('referent'))],
  ['synthese', requirement(role('referent', 'usager'), true)],
  ['agregat', requirement(role('analyste'))],
  ['journal-acces', requirement(role('usager'))],
]);

/** Alternatives are sets of sets: order is not meaning. */
function canonical(requirement: Requirement): string {
  const sets = (lists: string[][] | null) => (lists === null ? null : lists.map((list) => [...list].sort()).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)));
  return JSON.stringify([requirement.authenticated, sets(requirement.scopes), sets(requirement.policies)]);
}
const byCanonical = new Map([...categories].map(([name, r]) => [canonical(r), name] as const));

/** `presence:<p>` and `donnees-partenaire:<p>` of a partner published since (`npm run subgraph:new`), without the CRPA policy, which is asked for, not inherited. */
function publishedPartnerCategories(partner: string): ReadonlyMap<string, string> {
  return new Map([
    [canonical(requirement([...role('accueil', 'referent'), ...agent(partner), ...role('usager')])), `presence:${partner}`],
    [canonical(requirement([...role('referent'), ...agent(partner), ...role('usager')])), `donnees-partenaire:${partner}`],
  ]);
}

/**
 * The category of a requirement: `public` when it has none of the directives, undefined when it is
 * no category. `ownPartner`, the code the subgraph declares with `@partenaire`, adds that partner's
 * two categories when `filePartners` does not list it (as gateway/test/authorization/publishedPartners.ts does).
 */
export function categoryOf(requirement: Requirement, ownPartner?: string): string | undefined {
  if (!requirement.authenticated && requirement.scopes === null && requirement.policies === null) return 'public';
  const known = byCanonical.get(canonical(requirement));
  if (known !== undefined || ownPartner === undefined) return known;
  return publishedPartnerCategories(ownPartner).get(canonical(requirement));
}

/** The directives of a category, as a subgraph writes them. */
export function directivesOf(category: string): string {
  const r = categories.get(category);
  if (r === undefined) return '(none)';
  const lists = (l: string[][]) => `[${l.map((inner) => `[${inner.map((s) => JSON.stringify(s)).join(', ')}]`).join(', ')}]`;
  return [r.authenticated ? '@authenticated' : '', r.scopes ? `@requiresScopes(scopes: ${lists(r.scopes)})` : '', r.policies ? `@policy(policies: ${lists(r.policies)})` : '']
    .filter((s) => s !== '')
    .join(' ');
}
