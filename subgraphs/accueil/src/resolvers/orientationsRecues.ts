import { passerelleError } from '@passerelle/subgraph-kit';
import type { AccueilContext } from '../context';
import { codeDeStatut, toOrientation, type OrientationParent, type StatutOrientation } from './Orientation';
import { cibleDeCodePasserelle } from './Partenaire';
import { partenaireRepondant } from './partenaireRepondant';

/** Largest page the system serves. */
export const premierMax = 100;
const idOrientation = /^[A-Z0-9-]{1,32}$/;

/** A cursor is the referral's id, opaque to clients (base64url): the system pages by id, so it survives status changes. */
const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!idOrientation.test(id) || encodeCursor(id) !== cursor) throw passerelleError('ARGUMENT_INVALIDE', 'apres must be a cursor this list gave.', { argument: 'apres' });
  return id;
}

export interface OrientationsRecuesArgs {
  statut?: StatutOrientation | null;
  premier?: number | null;
  apres?: string | null;
}

/** A page of the inbox: each referral with its usager as a `Usager` key, for the gateway to resolve, guard and audit. */
export interface OrientationsRecuesConnection {
  edges: Array<{ node: { orientation: OrientationParent; usager: { nir: string } }; cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** The referrals addressed to the caller's partner (from the signed context, never an argument), in recording order. */
export async function orientationsRecues(ctx: AccueilContext, { statut = null, premier = 20, apres = null }: OrientationsRecuesArgs): Promise<OrientationsRecuesConnection> {
  const taille = premier ?? 20;
  if (!Number.isInteger(taille) || taille < 1 || taille > premierMax) throw passerelleError('ARGUMENT_INVALIDE', `premier must be 1 to ${premierMax}.`, { argument: 'premier' });
  const depuis = apres === null ? null : decodeCursor(apres);
  const partenaire = partenaireRepondant(ctx.appel);
  const page = await ctx.accueil.orientationsParCible(cibleDeCodePasserelle(partenaire), statut === null ? null : codeDeStatut[statut], depuis, taille);
  const edges = page.orientations.map((o) => ({ node: { orientation: toOrientation(o), usager: { nir: o.nir } }, cursor: encodeCursor(o.id_orientation) }));
  return {
    edges,
    pageInfo: { hasNextPage: page.nb_apres > edges.length, hasPreviousPage: page.nb_total > page.nb_apres, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.nb_total,
  };
}
