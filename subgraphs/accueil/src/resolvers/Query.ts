import { passerelleError } from '@passerelle/subgraph-kit';
import type { AccueilContext } from '../context';
import { toEvenementTiersLieu, type EvenementTiersLieuParent } from './EvenementTiersLieu';
import { lieuParId, toLieuAccueil, type LieuAccueilParent } from './LieuAccueil';
import { orientationsRecues, type OrientationsRecuesArgs, type OrientationsRecuesConnection } from './orientationsRecues';
import { codeDePartenaire, type Partenaire } from './Partenaire';
import type { ServiceAccueil } from './ServiceAccueil';

/** INSEE commune code: 5 digits, or 2A/2B and 3 digits in Corsica. */
const codeCommune = /^(\d{5}|2[AB]\d{3})$/;

/** An ISO `YYYY-MM-DD` argument that is a real day → `YYYYMMDD`; null stays null. */
export function legacyDay(value: string | null, argument: string): string | null {
  if (value === null) return null;
  const real = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!real) throw passerelleError('ARGUMENT_INVALIDE', `${argument} must be a date written YYYY-MM-DD.`, { argument });
  return value.replaceAll('-', '');
}

/** Arguments left out arrive absent (undefined), given as null arrive null: both mean "no filter". */
interface LieuxArgs {
  commune?: string | null;
  service?: ServiceAccueil | null;
  partenaire?: Partenaire | null;
}

export const Query = {
  async lieuxAccueil(_root: unknown, { commune = null, service = null, partenaire = null }: LieuxArgs, ctx: AccueilContext): Promise<LieuAccueilParent[]> {
    if (commune !== null && !codeCommune.test(commune)) throw passerelleError('ARGUMENT_INVALIDE', 'commune must be an INSEE commune code (e.g. 12202).', { argument: 'commune' });
    const lieux = [...(await ctx.loaders.annuaire()).values()];
    return lieux
      .filter((l) => commune === null || l.adresse.code_insee === commune)
      .filter((l) => partenaire === null || l.permanences.some((p) => p.code_partenaire === codeDePartenaire[partenaire]))
      .map(toLieuAccueil)
      .filter((l) => service === null || l.services.includes(service));
  },

  lieuAccueil: (_root: unknown, { id }: { id: string }, ctx: AccueilContext): Promise<LieuAccueilParent | null> => lieuParId(ctx, id),

  async evenementsTiersLieu(_root: unknown, { depuis = null, jusqua = null }: { depuis?: string | null; jusqua?: string | null }, ctx: AccueilContext): Promise<EvenementTiersLieuParent[]> {
    const [du, au] = [legacyDay(depuis, 'depuis'), legacyDay(jusqua, 'jusqua')];
    if (du !== null && au !== null && du > au) throw passerelleError('ARGUMENT_INVALIDE', 'depuis must not be after jusqua.', { argument: 'depuis' });
    const evenements = await ctx.accueil.evenements(du, au);
    // The legacy API promises chronological order; sorting here keeps the graph's promise whatever it sends.
    return evenements.map(toEvenementTiersLieu).sort((a, b) => a.date.localeCompare(b.date) || a.debut.localeCompare(b.debut));
  },
  orientationsRecues: (_root: unknown, args: OrientationsRecuesArgs, ctx: AccueilContext): Promise<OrientationsRecuesConnection> => orientationsRecues(ctx, args),
};
