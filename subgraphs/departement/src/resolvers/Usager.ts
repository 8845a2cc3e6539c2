import { checkNir, isProvisionalKey } from '@passerelle/subgraph-kit';
import type { DepartementContext } from '../context';
import type { Beneficiaire } from '../legacy/types';
import { toDossierPartage } from './DossierPartage';
import { notesVisibles } from './notesVisibles';
import { toDossierRsa } from './DossierRsaDepartement';
import { toOpposition } from './OppositionPartage';
import { equipeActive, parcoursEnCours, toMembreEquipe, toParcours } from './Parcours';
import { historiqueReferents, referentActif } from './ReferentDeParcours';
import { computeSynthese, type DonneesRequises } from './Synthese';

/** A representation from the gateway: the key, plus the other partners' fields when `synthese` is asked. */
export type UsagerReference = { nir: string } & DonneesRequises;

/**
 * The person's Département file; null when the Département has none (a malformed key costs no
 * call). A provisional key (the kit's `isProvisionalKey`: a person the identity register does not
 * know yet) keys a file like a NIR until the reconciliation moves it.
 */
async function fileOf(u: UsagerReference, ctx: DepartementContext): Promise<Beneficiaire | null> {
  if (isProvisionalKey(u.nir)) return ctx.loaders.beneficiaire.load(u.nir);
  const check = checkNir(u.nir);
  return check.valide ? ctx.loaders.beneficiaire.load(check.nir) : null;
}

/** A field computed from the file, null when there is none. */
const fromFile =
  <T>(map: (b: Beneficiaire) => T) =>
  async (u: UsagerReference, _args: unknown, ctx: DepartementContext): Promise<T | null> => {
    const b = await fileOf(u, ctx);
    return b ? map(b) : null;
  };

export const Usager = {
  // Every usager resolves, keeping the required fields the gateway sent: whether the Département knows them is each field's business.
  __resolveReference: (ref: UsagerReference): UsagerReference => ({ ...ref }),
  rsa: async (u: UsagerReference, _args: unknown, ctx: DepartementContext) => {
    const b = await fileOf(u, ctx);
    return b ? toDossierRsa(b) : null;
  },
  referentDeParcours: fromFile(referentActif),
  historiqueReferents: fromFile(historiqueReferents),
  parcours: fromFile((b) => b.parcours.map(toParcours)),
  parcoursEnCours: fromFile(parcoursEnCours),
  equipe: fromFile(equipeActive),
  historiqueEquipe: fromFile((b) => b.equipe.map(toMembreEquipe)),
  // Notes are filtered on their audience here, at the source, for the caller of the signed context.
  async dossierPartage(u: UsagerReference, _args: unknown, ctx: DepartementContext) {
    const b = await fileOf(u, ctx);
    return b ? toDossierPartage(b, notesVisibles(b, ctx.appel, ctx.codec)) : null;
  },
  oppositions: fromFile((b) => b.oppositions.map(toOpposition)),
  async synthese(u: UsagerReference, _args: unknown, ctx: DepartementContext) {
    return computeSynthese(await fileOf(u, ctx), u);
  },
};
