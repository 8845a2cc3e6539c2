import { passerelleError, requireAuteur } from '@passerelle/subgraph-kit';
import { cleDeUsagerId } from '../cleUsager';
import type { AccueilContext } from '../context';
import type { DemandeOrientation } from '../legacy/types';
import { codeDeMotif, type MotifOrientation } from './MotifOrientation';
import { toOrientation, type OrientationParent } from './Orientation';
import { changerStatutOrientation, cleOf } from './changerStatutOrientation';
import { enregistrerPassage } from './enregistrerPassage';
import { mutationsTiersLieu } from './inscriptionsTiersLieu';
import { cibleDeCodePasserelle, codeDePartenaire, type Partenaire } from './Partenaire';

/** Longest free text the Département's system stores. */
export const precisionMax = 500;
/** Longest refusal reason the system stores. */
export const motifRefusMax = 500;
/** A place code as the directory writes them; anything else cannot be a place. */
const codeLieu = /^[A-Z0-9-]{1,32}$/;

const lieuInconnu = () => passerelleError('OBJET_INTROUVABLE', 'No reception place has this id.', { argument: 'vers' });
const cleReutilisee = () => passerelleError('CONFLIT_IDEMPOTENCE', 'This idempotency key was already used for another referral.', { argument: 'cleIdempotence' });

interface OrienterArgs {
  usagerId: string;
  vers: { partenaire?: Partenaire | null; codePartenaire?: string | null; lieuId?: string | null };
  motif: MotifOrientation;
  precision?: string | null;
  cleIdempotence?: string | null;
}

/** The referral to record, once every argument is checked; nothing is sent before. */
function demandeOf(nir: string, { vers, motif, precision = null }: OrienterArgs): Omit<DemandeOrientation, 'auteur'> {
  const { partenaire = null, codePartenaire = null, lieuId = null } = vers;
  if ([partenaire, codePartenaire, lieuId].filter((v) => v !== null).length !== 1) {
    throw passerelleError('ARGUMENT_INVALIDE', 'vers must give exactly one of codePartenaire, partenaire and lieuId.', { argument: 'vers' });
  }
  if (precision !== null && precision.length > precisionMax) throw passerelleError('ARGUMENT_INVALIDE', `precision must be at most ${precisionMax} characters.`, { argument: 'precision' });
  // The gateway checked that codePartenaire names a declared partner (checkPartnerCodes).
  const cible =
    codePartenaire !== null
      ? cibleDeCodePasserelle(codePartenaire)
      : partenaire !== null
        ? { type_cible: 'PART' as const, code_cible: codeDePartenaire[partenaire] }
        : { type_cible: 'LIEU' as const, code_cible: lieuId ?? '' };
  if (cible.type_cible === 'LIEU' && !codeLieu.test(cible.code_cible)) throw lieuInconnu();
  return { nir, ...cible, code_motif: codeDeMotif[motif], motif_libre: precision };
}

export const Mutation = {
  ...mutationsTiersLieu,
  enregistrerPassage,
  async orienterUsager(_root: unknown, args: OrienterArgs, ctx: AccueilContext): Promise<{ orientation: OrientationParent; rejoue: boolean }> {
    // A NIR, or the provisional key of a person the identity register does not know yet.
    const nir = cleDeUsagerId(ctx, args.usagerId);
    const cle = cleOf(args.cleIdempotence);
    // The author is the caller of the gateway's signed context, never an argument.
    const demande = { ...demandeOf(nir, args), auteur: requireAuteur(ctx.appel, 'accueil') };
    const result = await ctx.accueil.orienter(demande, cle);
    if (!result.ok) {
      if (result.status === 422 && result.codeErreur === 'LIEU_INCONNU') throw lieuInconnu();
      if (result.status === 409 && result.codeErreur === 'CLE_IDEMPOTENCE_REUTILISEE') throw cleReutilisee();
      throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', `The accueil system rejected the request (HTTP ${result.status}).`, { partenaire: 'accueil' });
    }
    return { orientation: toOrientation(result.data.orientation), rejoue: result.rejoue };
  },
  accepterOrientation: (_root: unknown, args: { id: string; cleIdempotence?: string | null }, ctx: AccueilContext) =>
    changerStatutOrientation(ctx, args.id, { nouveau_statut: 'ACC', motif_refus: null }, args.cleIdempotence),

  refuserOrientation(_root: unknown, args: { id: string; motif: string; cleIdempotence?: string | null }, ctx: AccueilContext) {
    const motif = args.motif.trim();
    if (motif.length === 0 || motif.length > motifRefusMax) throw passerelleError('ARGUMENT_INVALIDE', `motif must be 1 to ${motifRefusMax} characters.`, { argument: 'motif' });
    return changerStatutOrientation(ctx, args.id, { nouveau_statut: 'REF', motif_refus: motif }, args.cleIdempotence);
  },

  cloreOrientation: (_root: unknown, args: { id: string; issue: 'REALISEE' | 'ABANDONNEE'; cleIdempotence?: string | null }, ctx: AccueilContext) =>
    changerStatutOrientation(ctx, args.id, { nouveau_statut: args.issue === 'REALISEE' ? 'REA' : 'ABA', motif_refus: null }, args.cleIdempotence),
};
