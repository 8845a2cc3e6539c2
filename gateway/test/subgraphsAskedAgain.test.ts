import { subgraphsAskedAgain } from '../src/fetch/subgraphsAskedAgain';

const fetch = (serviceName: string) => ({ kind: 'Fetch', serviceName });

/** Which subgraphs a plan may fetch more than once (the kit's "one request's reads" are kept only for those). */
describe('subgraphsAskedAgain', () => {
  it('names the subgraphs with two fetches or more anywhere in the plan, flattened, in sequence or in parallel', () => {
    const plan = {
      node: {
        kind: 'Sequence',
        nodes: [
          fetch('identite'),
          {
            kind: 'Parallel',
            nodes: [
              { kind: 'Flatten', node: fetch('departement') },
              { kind: 'Flatten', node: fetch('caf') },
              { kind: 'Flatten', node: fetch('etat') },
            ],
          },
          { kind: 'Flatten', node: fetch('departement') },
        ],
      },
    };
    expect([...subgraphsAskedAgain(plan)]).toEqual(['departement']);
  });

  it('counts both branches of a condition and every deferred part: the set may be too large, never too small', () => {
    const plan = {
      node: {
        kind: 'Defer',
        primary: { node: { kind: 'Condition', ifClause: fetch('caf'), elseClause: fetch('caf') } },
        deferred: [{ node: fetch('msa') }, { node: { kind: 'Flatten', node: fetch('msa') } }],
      },
    };
    expect([...subgraphsAskedAgain(plan)].sort()).toEqual(['caf', 'msa']);
  });

  it("reads a subscription's primary fetch and the rest of its plan", () => {
    expect([...subgraphsAskedAgain({ node: { kind: 'Subscription', primary: fetch('accueil'), rest: fetch('accueil') } })]).toEqual(['accueil']);
  });

  it('names none for a plan that asks each subgraph once, or an empty plan; a plan is counted once', () => {
    const plan = { node: { kind: 'Parallel', nodes: [fetch('caf'), fetch('msa')] } };
    expect(subgraphsAskedAgain(plan).size).toBe(0);
    expect(subgraphsAskedAgain(plan)).toBe(subgraphsAskedAgain(plan));
    expect(subgraphsAskedAgain({}).size).toBe(0);
  });
});
