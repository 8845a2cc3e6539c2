/**
 * The parts of @apollo/query-planner's plan nodes read here (QueryPlan.d.ts): the structure, and
 * which subgraph each fetch goes to. Structural, so the planner's own types fit.
 */
interface PlanNodeShape {
  kind: string;
  serviceName?: string;
  nodes?: readonly PlanNodeShape[];
  node?: PlanNodeShape;
  ifClause?: PlanNodeShape;
  elseClause?: PlanNodeShape;
  primary?: PlanNodeShape | { node?: PlanNodeShape };
  deferred?: ReadonlyArray<{ node?: PlanNodeShape }>;
  rest?: PlanNodeShape;
}

export interface QueryPlanShape {
  node?: PlanNodeShape;
}

/** Plans are cached by ApolloGateway and shared by the requests of one operation: counted once each. */
const counted = new WeakMap<QueryPlanShape, ReadonlySet<string>>();

/**
 * The subgraphs a plan may fetch more than once: those whose legacy reads are worth keeping for
 * the request's later fetches (the kit's "one request's reads", `x-passerelle-lecture`:
 * subgraphs/kit/src/legacy/createLegacyReads.ts). Both branches of a `@include`/`@skip`
 * condition count, so the set can only be too large: a subgraph missing from it is fetched at
 * most once by the plan.
 */
export function subgraphsAskedAgain(plan: QueryPlanShape): ReadonlySet<string> {
  const known = counted.get(plan);
  if (known !== undefined) return known;
  const fetches = new Map<string, number>();
  const visit = (node: PlanNodeShape | undefined): void => {
    if (node === undefined) return;
    if (node.kind === 'Fetch' && node.serviceName !== undefined) fetches.set(node.serviceName, (fetches.get(node.serviceName) ?? 0) + 1);
    node.nodes?.forEach(visit);
    visit(node.node);
    visit(node.ifClause);
    visit(node.elseClause);
    // A subscription's primary is a fetch; a deferred plan's primary holds one.
    if (node.primary !== undefined) visit('kind' in node.primary ? node.primary : node.primary.node);
    node.deferred?.forEach((deferred) => visit(deferred.node));
    visit(node.rest);
  };
  visit(plan.node);
  const again = new Set([...fetches].filter(([, count]) => count > 1).map(([name]) => name));
  counted.set(plan, again);
  return again;
}
