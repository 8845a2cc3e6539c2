import type { CaseloadPage } from './buildScenarios';

type Mint = (claims: Record<string, unknown>) => Promise<string>;
type PageAnswer = { data?: { monPortefeuille: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null } | null };

const pageQuery = 'query Pages($referentId: ID!, $apres: String) { monPortefeuille(referentId: $referentId, premier: 50, apres: $apres) { edges { cursor } pageInfo { hasNextPage endCursor } } }';

/**
 * The full pages of 50 of every référent's caseload (`ref-001`…`ref-<referents>`), asked of
 * Passerelle's gateway as each référent before the bench: the caseload scenario's "different
 * usagers" draw from them. A référent the Département does not know has no page.
 */
export async function findCaseloadPages(gatewayUrl: string, mint: Mint, referents: number): Promise<CaseloadPage[]> {
  const pages: CaseloadPage[] = [];
  for (let n = 1; n <= referents; n += 1) {
    const referentId = `ref-${String(n).padStart(3, '0')}`;
    const token = await mint({ sub: `bench-${referentId}`, roles: ['referent'], organisation: 'CD12', referent_id: referentId });
    let apres: string | null = null;
    for (;;) {
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-passerelle-finalite': 'accompagnement' },
        body: JSON.stringify({ query: pageQuery, variables: { referentId, apres } }),
      });
      const page = ((await response.json()) as PageAnswer).data?.monPortefeuille;
      if (!page || page.edges.length < 50) break;
      pages.push({ referentId, apres });
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      apres = page.pageInfo.endCursor;
    }
  }
  return pages;
}
