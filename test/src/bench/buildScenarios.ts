import type { Population } from '@passerelle/mocks';
import type { createUsagerIdCodec } from '@passerelle/subgraph-kit';
import { fullFileQuery, usagerFileFields } from '../e2e/fullFileQuery';
import { cacheBypassHeader } from '@passerelle/subgraph-kit';
import type { BenchRequest, Scenario } from './benchTypes';

type Codec = ReturnType<typeof createUsagerIdCodec>;
type Mint = (claims: Record<string, unknown>) => Promise<string>;

/** One page of a référent's caseload: who asks, and where the page starts. */
export interface CaseloadPage {
  referentId: string;
  apres: string | null;
}

export const presenceQuery = 'query Liste($ids: [ID!]!) { usagers(ids: $ids) { id identite { nomNaissance prenoms } presencePartenaires { caf msa franceTravail cpam carsat siao bailleurs } } }';

export const caseloadQuery = `query Portefeuille($referentId: ID!, $premier: Int, $apres: String) {
  monPortefeuille(referentId: $referentId, premier: $premier, apres: $apres) { totalCount edges { node {${usagerFileFields}} } }
}`;

export const searchQuery = 'query Recherche($identite: IdentitePivotInput!) { rechercherUsagers(identite: $identite) { score usager { id identite { nomNaissance prenoms dateNaissance } } } }';

export interface ScenarioInputs {
  population: Population;
  codec: Codec;
  mint: Mint;
  /** Full caseload pages (50 usagers each) of the référents, found through the gateway before the bench. */
  caseloadPages: readonly CaseloadPage[];
  /** How many different usagers (full file, search) or lists (50-usager list) the "different" variants draw from. */
  poolSize: number;
}

const request = (query: string, variables: Record<string, unknown>, token: string, finalite: string): BenchRequest => ({
  body: JSON.stringify({ query, variables }),
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-passerelle-finalite': finalite },
});

/**
 * The "different usagers" variant is the cold figure: every request asks the subgraphs to read
 * every legacy answer afresh (the kit's cache bypass header, which every gateway of the bench
 * forwards), so that a caseload page or a person drawn again within a cache's TTL — the pool
 * is finite, the caseload pages few — is still measured cold. Identical reads in flight inside
 * one request are still shared: that is the plan, not a cache.
 */
const cold = (request: BenchRequest): BenchRequest => ({ ...request, headers: { ...request.headers, [cacheBypassHeader]: '1' } });

/**
 * The five scenarios of the bench, each in two variants: the same usager(s) for every request
 * (what public gateway benchmarks do: coalescing and caches help) and different usagers for
 * every request, drawn from the synthetic population (caches cold). Each request is made as the
 * caller who may make it: the usager herself for her full file, a reception agent for the
 * 50-usager list and the identity search, the référent for his caseload.
 */
export async function buildScenarios({ population, codec, mint, caseloadPages, poolSize }: ScenarioInputs): Promise<Scenario[]> {
  // Generated people only (the personas are the tests' fixed cases), spread over the population.
  const generated = population.personnes.filter((p) => !p.ref.startsWith('persona:'));
  const stride = Math.max(1, Math.floor(generated.length / poolSize));
  const pool = generated.filter((_, index) => index % stride === 0).slice(0, poolSize);
  const persona = population.persona('rsa-isolee');
  const herself = async (nir: string) => {
    const id = codec.encode(nir);
    return request(fullFileQuery, { id }, await mint({ sub: id, roles: ['usager'], organisation: 'usager', usager_id: id }), 'information');
  };
  const accueil = await mint({ sub: 'bench-accueil', roles: ['accueil'], organisation: 'CD12' });
  const referentTokens = new Map<string, string>();
  for (const { referentId } of caseloadPages) {
    if (!referentTokens.has(referentId)) referentTokens.set(referentId, await mint({ sub: `bench-${referentId}`, roles: ['referent'], organisation: 'CD12', referent_id: referentId }));
  }
  const caseload = ({ referentId, apres }: CaseloadPage) => request(caseloadQuery, { referentId, premier: 50, ...(apres ? { apres } : {}) }, referentTokens.get(referentId)!, 'accompagnement');
  const list = (people: typeof pool) => request(presenceQuery, { ids: people.map((p) => codec.encode(p.nir)) }, accueil, 'premier-accueil');
  const search = (p: (typeof pool)[number]) => request(searchQuery, { identite: { nomNaissance: p.nomNaissance, prenoms: p.prenoms, dateNaissance: p.dateNaissance } }, accueil, 'premier-accueil');
  // 50- and 100-usager lists: consecutive slices of every generated person, so that lists rarely repeat.
  const listsOf = (size: number) => Array.from({ length: Math.floor(generated.length / size) }, (_, i) => list(generated.slice(i * size, i * size + size)));
  const lists = listsOf(50);
  const presences = listsOf(100);
  if (caseloadPages.length === 0) throw new Error('no référent has a caseload of 50 or more: the caseload scenario cannot run');
  return [
    { key: 'full-file', label: 'full file of a persona', variants: { same: [await herself(persona.nir)], different: (await Promise.all(pool.map((p) => herself(p.nir)))).map(cold) } },
    { key: 'list-50', label: '`usagers(ids:)` × 50', variants: { same: [lists[0]!], different: lists.map(cold) } },
    { key: 'presence-100', label: 'presence list of 100', variants: { same: [presences[0]!], different: presences.map(cold) } },
    { key: 'caseload-50', label: 'caseload of 50 (`monPortefeuille`)', variants: { same: [caseload(caseloadPages[0]!)], different: caseloadPages.map(caseload).map(cold) } },
    { key: 'search', label: 'identity search (`rechercherUsagers`)', variants: { same: [search(persona)], different: pool.map(search).map(cold) } },
  ];
}
