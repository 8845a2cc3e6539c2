/**
 * The data-classification convention of schema/AUTHORIZATION.md ("Data classification
 * convention"): each category is one signature of @authenticated / @requiresScopes / @policy.
 * The one table: `npm run schema:check` applies it to each subgraph before composition, and
 * gateway/test/authorization/classification.test.ts to every requirement of the composed supergraph.
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
/**
 * CRPA L114-8 II: a controlling purpose may not read these partners' data. The Région's trainee
 * file (training and the rémunération it pays instead of unemployment benefit) is the
 * counterpart of France Travail's ARE-Formation for the same training, and is kept away from
 * control alike.
 */
export const horsControle: ReadonlySet<string> = new Set(['caf', 'msa', 'france-travail', 'region']);

const role = (...roles: string[]) => roles.map((r) => [`role:${r}`]);
const agent = (partner: string) => [['role:agent', `partenaire:${partner}`]];
const requirement = (scopes: string[][] | null, policy = false, authenticated = false): Requirement => ({ authenticated, scopes, policies: policy ? [['finalite-hors-controle']] : null });

/** The two categories of a partner's file: whether it holds one, and what it holds. */
const fileCategories = (p: string): Array<[string, Requirement]> => [
  [`presence:${p}`, requirement([...role('accueil', 'referent'), ...agent(p), ...role('usager')], horsControle.has(p))],
  [`donnees-partenaire:${p}`, requirement([...role('referent'), ...agent(p), ...role('usager')], horsControle.has(p))],
];

/** Every category but `public` (no directive), with its one signature. */
export const categories: ReadonlyMap<string, Requirement> = new Map<string, Requirement>([
  ['reseau', requirement(null, false, true)],
  ['identite', requirement([...role('accueil', 'referent', 'agent', 'usager')])],
  ['identite-ecriture', requirement([...role('accueil', 'referent'), ...agent('departement')])],
  ...filePartners.flatMap(fileCategories),
  ['presence-partenaires', requirement(role('accueil', 'referent', 'usager'), true)],
  ['orientations', requirement(role('accueil', 'referent', 'usager'))],
  ['orientation-ecriture', requirement(role('accueil', 'referent'))],
  ['dossier-partage', requirement([...role('referent'), ...agent('departement'), ...role('usager')])],
  ['dossier-partage-ecriture', requirement([...role('referent'), ...agent('departement')])],
  ['parcours-ouverture', requirement([...role('accueil', 'referent'), ...agent('departement')])],
  ['opposition', requirement([...role('accueil', 'referent'), ...agent('departement'), ...role('usager')])],
  ['portefeuille', requirement(role('referent'))],
  ['synthese', requirement(role('referent', 'usager'), true)],
  ['agregat', requirement(role('analyste'))],
  ['journal-acces', requirement(role('usager'))],
  ['orientations-recues', requirement(role('agent'))],
]);

/** Alternatives are sets of sets: order is not meaning. */
function canonical(requirement: Requirement): string {
  const sets = (lists: string[][] | null) => (lists === null ? null : lists.map((list) => [...list].sort()).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)));
  return JSON.stringify([requirement.authenticated, sets(requirement.scopes), sets(requirement.policies)]);
}
const byCanonical = new Map([...categories].map(([name, r]) => [canonical(r), name] as const));

/**
 * The category of a requirement: `public` when it has none of the directives, undefined when it
 * is no category. `ownPartner`, the partner the subgraph declares with `@partenaire`, adds that
 * partner's `presence:` and `donnees-partenaire:` categories, so a partner published since by its
 * own folder (docs/publish-your-subgraph.md) classifies its file without being listed here;
 * another partner's scope stays no category.
 */
export function categoryOf(requirement: Requirement, ownPartner?: string): string | undefined {
  if (!requirement.authenticated && requirement.scopes === null && requirement.policies === null) return 'public';
  const known = byCanonical.get(canonical(requirement));
  if (known !== undefined || ownPartner === undefined) return known;
  return fileCategories(ownPartner).find(([, r]) => canonical(r) === canonical(requirement))?.[0];
}

/** The directives of a category, as a subgraph writes them. */
export function directivesOf(category: string): string {
  const partner = /^(?:presence|donnees-partenaire):(.+)$/.exec(category)?.[1];
  const r = categories.get(category) ?? (partner === undefined ? undefined : new Map(fileCategories(partner)).get(category));
  if (r === undefined) return '(none)';
  const lists = (l: string[][]) => `[${l.map((inner) => `[${inner.map((s) => JSON.stringify(s)).join(', ')}]`).join(', ')}]`;
  return [r.authenticated ? '@authenticated' : '', r.scopes ? `@requiresScopes(scopes: ${lists(r.scopes)})` : '', r.policies ? `@policy(policies: ${lists(r.policies)})` : '']
    .filter((s) => s !== '')
    .join(' ');
}
