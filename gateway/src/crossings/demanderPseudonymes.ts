import { isErrorCode, passerelleError } from '@passerelle/subgraph-kit';
import type { AppelPasserelle } from '@passerelle/subgraph-kit';
import type { CritereCatalogue } from './catalogueCroisements';
import type { JointurePseudonymes } from '@passerelle/subgraph-kit';

/** Sends one GraphQL query to a partner subgraph, signed for it and for this request (createGateway.ts). */
export type SignedSubgraphFetch = (appel: AppelPasserelle, subgraph: string, query: string, variables: Record<string, unknown>) => Promise<{ data?: unknown; errors?: unknown }>;

/** Codes a partner's own refusal may carry through to the analyst; anything else is PARTENAIRE_INDISPONIBLE. */
const codesTransmis = new Set(['CROISEMENT_TROP_VOLUMINEUX', 'ACCES_REFUSE', 'NON_AUTHENTIFIE', 'ARGUMENT_INVALIDE']);

/**
 * Asks one partner for the pseudonyms of the people its criterion selects, under the per-query
 * key. The key travels in the body of this one signed call, never in a URL or a log line. Any
 * failure is an error naming the partner (its subgraph's name): the crossing then fails whole.
 */
export async function demanderPseudonymes(input: {
  fetch: SignedSubgraphFetch;
  appel: AppelPasserelle;
  critere: CritereCatalogue;
  mois: string;
  jointure: JointurePseudonymes;
  cle: string;
}): Promise<unknown> {
  const { critere } = input;
  const partenaire = critere.partenaire;
  const jointure = critere.avecJointure ? ', jointure: $jointure' : '';
  const declaration = critere.avecJointure ? ', $jointure: JointurePseudonymes!' : '';
  const query = `query Pseudonymes($critere: ${critereType(critere)}!, $mois: String!, $cle: String!${declaration}) { pseudonymes: ${critere.champ}(critere: $critere, mois: $mois, cle: $cle${jointure}) }`;
  const variables = { critere: critere.critere, mois: input.mois, cle: input.cle, ...(critere.avecJointure ? { jointure: input.jointure } : {}) };
  let answer: { data?: unknown; errors?: unknown };
  try {
    answer = await input.fetch(input.appel, partenaire, query, variables);
  } catch {
    throw passerelleError('PARTENAIRE_INDISPONIBLE', 'A partner of the crossing could not be reached: nothing is counted.', { partenaire });
  }
  const [first] = Array.isArray(answer.errors) ? (answer.errors as Array<{ extensions?: { code?: unknown } }>) : [];
  if (first !== undefined) {
    const code = first.extensions?.code;
    if (isErrorCode(code) && codesTransmis.has(code)) throw passerelleError(code, 'A partner of the crossing refused it: nothing is counted.', { partenaire });
    throw passerelleError('PARTENAIRE_INDISPONIBLE', 'A partner of the crossing could not answer: nothing is counted.', { partenaire });
  }
  const data = answer.data as { pseudonymes?: unknown } | null | undefined;
  return data?.pseudonymes;
}

/** The criterion enum of a `pseudonymes…` field: `CriterePseudonymes` + the field's suffix (`pseudonymesCaf` → `CriterePseudonymesCaf`). */
function critereType(critere: CritereCatalogue): string {
  return `CriterePseudonymes${critere.champ.slice('pseudonymes'.length)}`;
}
