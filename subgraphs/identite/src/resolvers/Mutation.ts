import { checkNir, decideMatch, isProvisionalKey, matchIdentity, matchThresholds, passerelleError, requireAuteur } from '@passerelle/subgraph-kit';
import type { IdentiteContext } from '../context';
import type { DeclarationLegacy } from '../legacy/ripTypes';
import { identiteRapprochee } from './usagerParCle';
import { forMatching, toIdentiteCivile, toIdentiteDeclaree, toUsager, toUsagerProvisoire, type UsagerParent } from './toUsager';

/** An identity as the person declares it at reception. */
interface IdentiteDeclareeInput {
  nomNaissance: string;
  nomUsage?: string | null;
  prenoms: string[];
  sexe: 'F' | 'M';
  dateNaissance: string;
  lieuNaissance: { code: string; libelle: string };
}

/** Longest name the register stores (mocks/docs/rip.md). */
const nomMax = 80;
const cleIdempotence = /^[A-Za-z0-9_-]{1,64}$/;
/** A commune (`12202`, `2A004`) or a country (`99352`). */
const codeLieu = /^(\d{5}|2[AB]\d{3})$/;

const invalide = (argument: string, message: string) => passerelleError('ARGUMENT_INVALIDE', message, { argument });

/** A real date of birth, complete or partial (`YYYY-MM`, `YYYY`), not in the future. */
function isDateNaissance(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return false;
  if (day !== undefined) {
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(value)) return false;
  }
  return Number(year) >= 1880 && value.slice(0, 4) <= new Date().toISOString().slice(0, 4);
}

function checkCle(cle: string | null | undefined): string | null {
  if (cle === null || cle === undefined) return null;
  if (!cleIdempotence.test(cle)) throw invalide('cleIdempotence', 'cleIdempotence must be 1 to 64 letters, digits, - or _.');
  return cle;
}

/** The declaration to record, once every field is checked; nothing is sent before. */
function declarationOf(identite: IdentiteDeclareeInput, auteur: string): DeclarationLegacy {
  const nom = (value: string, argument: string) => {
    const trimmed = value.trim();
    if (trimmed.length === 0 || trimmed.length > nomMax) throw invalide(argument, `${argument} must be 1 to ${nomMax} characters.`);
    return trimmed;
  };
  const prenoms = identite.prenoms.map((p) => p.trim()).filter((p) => p !== '');
  if (prenoms.length === 0 || prenoms.length > 6) throw invalide('identite.prenoms', 'Between one and six first names are required.');
  if (!isDateNaissance(identite.dateNaissance)) throw invalide('identite.dateNaissance', 'dateNaissance must be YYYY-MM-DD, or YYYY-MM or YYYY when the person does not know the day.');
  if (!codeLieu.test(identite.lieuNaissance.code)) throw invalide('identite.lieuNaissance.code', 'The birth place code must be an INSEE commune code, or 99 + a country code.');
  return {
    nom_naissance: nom(identite.nomNaissance, 'identite.nomNaissance'),
    nom_usage: identite.nomUsage?.trim() ? nom(identite.nomUsage, 'identite.nomUsage') : null,
    prenoms: prenoms.map((p) => nom(p, 'identite.prenoms')),
    sexe: identite.sexe === 'M' ? '1' : '2',
    date_naissance: identite.dateNaissance.replaceAll('-', ''),
    lieu_naissance: { code: identite.lieuNaissance.code, libelle: nom(identite.lieuNaissance.libelle, 'identite.lieuNaissance.libelle') },
    cree_par: auteur,
  };
}

/** The usager the SNGI knows with certainty under this declared identity, if any (only a complete date of birth can be searched). */
async function dejaCertifie(declaration: DeclarationLegacy, ctx: IdentiteContext): Promise<UsagerParent | null> {
  if (declaration.date_naissance.length !== 8) return null;
  const declaree = forMatching(toIdentiteDeclaree({ ...declaration, cle: 'PRV000000000000', cree_le: '', statut: 'ACTIVE', nir: null, rapprochee_le: null }));
  const individus = await ctx.sngi.nesLe(declaree.dateNaissance, declaration.sexe);
  const decision = decideMatch(individus.map((record) => ({ record, match: matchIdentity(declaree, forMatching(toIdentiteCivile(record))) })));
  return decision.statut === 'CERTAIN' && decision.retenu ? toUsager(decision.retenu, ctx.codec) : null;
}

const indisponible = (message: string) => passerelleError('PARTENAIRE_INDISPONIBLE', message, { partenaire: 'identite' });
const refusInattendu = (status: number) => passerelleError('PARTENAIRE_REPONSE_INVALIDE', `The register of provisional identities rejected the request (HTTP ${status}).`, { partenaire: 'identite' });

export const Mutation = {
  async creerIdentiteProvisoire(_root: unknown, args: { identite: IdentiteDeclareeInput; cleIdempotence?: string | null }, ctx: IdentiteContext): Promise<{ usager: UsagerParent; rejoue: boolean }> {
    const cle = checkCle(args.cleIdempotence);
    // The author is the caller of the gateway's signed context, never an argument.
    const declaration = declarationOf(args.identite, requireAuteur(ctx.appel, 'identite'));
    // No provisional duplicate of a registered person: the agent is sent to the usager the register knows.
    const existant = await dejaCertifie(declaration, ctx);
    if (existant) {
      throw passerelleError('IDENTITE_DEJA_CERTIFIEE', 'The identity register already knows this person with certainty: use extensions.usagerId.', { argument: 'identite', usagerId: existant.id });
    }
    const result = await ctx.rip.creer(declaration, cle);
    if (!result.ok) {
      if (result.codeErreur === 'CLE_IDEMPOTENCE_REUTILISEE')
        throw passerelleError('CONFLIT_IDEMPOTENCE', 'This idempotency key was already used for another identity.', { argument: 'cleIdempotence' });
      throw refusInattendu(result.status);
    }
    return { usager: toUsagerProvisoire(result.identite, ctx.codec), rejoue: result.rejoue };
  },

  async rapprocherIdentite(
    _root: unknown,
    args: { usagerId: string; nir: string; cleIdempotence?: string | null },
    ctx: IdentiteContext,
  ): Promise<{ usager: UsagerParent; usagerIdProvisoire: string; rejoue: boolean }> {
    checkCle(args.cleIdempotence);
    const cle = ctx.codec.decode(args.usagerId);
    if (cle === null) throw passerelleError('IDENTIFIANT_USAGER_INVALIDE', 'This usager id was not issued by Passerelle.', { argument: 'usagerId' });
    if (!isProvisionalKey(cle)) throw invalide('usagerId', 'Only a provisional identity can be reconciled with a NIR.');
    const check = checkNir(args.nir);
    if (!check.valide)
      throw passerelleError('NIR_INVALIDE', check.probleme === 'format' ? 'The NIR is malformed (expected 15 characters: 13 + a 2-digit key).' : 'The NIR control key is wrong.', { argument: 'nir' });
    const [provisoire, individu] = await Promise.all([ctx.loaders.identiteProvisoire.load(cle), ctx.loaders.individu.load(check.nir)]);
    if (!provisoire) throw passerelleError('USAGER_INCONNU', 'The register holds no provisional identity under this id.', { argument: 'usagerId' });
    if (!individu) throw passerelleError('USAGER_INCONNU', 'The identity register does not know this NIR.', { argument: 'nir' });
    const certifie = toUsager(individu, ctx.codec);
    if (provisoire.statut === 'RAPPROCHEE') {
      // The same reconciliation again answers as the first one did; another NIR cannot overwrite it.
      if (provisoire.nir === check.nir) return { usager: certifie, usagerIdProvisoire: args.usagerId, rejoue: true };
      throw identiteRapprochee(provisoire.nir ?? check.nir, ctx, 'usagerId');
    }
    const match = matchIdentity(forMatching(toIdentiteDeclaree(provisoire)), forMatching(certifie.civile));
    if (match.score < matchThresholds.probable) {
      throw passerelleError('IDENTITE_INCOMPATIBLE', 'The identity registered under this NIR does not match the identity declared at reception.', { argument: 'nir' });
    }
    const result = await ctx.rip.rapprocher(cle, check.nir);
    if (!result.ok) {
      if (result.status === 502) throw indisponible('An agency system did not move the records of this provisional identity: nothing was reconciled; retry later.');
      if (result.codeErreur === 'RAPPROCHEMENT_CONFLIT') throw identiteRapprochee((await ctx.rip.identitesParCles([cle]))[0]?.nir ?? check.nir, ctx, 'usagerId');
      if (result.codeErreur === 'RAPPROCHEMENT_EN_COURS') throw indisponible('This provisional identity is being reconciled by another request; retry later.');
      throw refusInattendu(result.status);
    }
    return { usager: certifie, usagerIdProvisoire: args.usagerId, rejoue: result.rejoue };
  },
};
