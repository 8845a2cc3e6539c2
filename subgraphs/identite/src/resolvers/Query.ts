import { checkNir, matchIdentity, passerelleError, type IdentityForMatching } from '@passerelle/subgraph-kit';
import type { IdentiteContext } from '../context';
import { toIdentitePivot, toUsager, type UsagerParent } from './toUsager';

/** Most ids `usagers(ids:)` accepts in one query. */
export const maxIdsPerQuery = 200;
/** Candidates below this score are not worth showing to an agent. */
const minimumCandidateScore = 0.7;

interface IdentitePivotInput {
  nomNaissance: string;
  nomUsage?: string | null;
  prenoms: string[];
  sexe?: 'F' | 'M' | null;
  dateNaissance: string;
  codeLieuNaissance?: string | null;
}

async function byNir(nir: string, ctx: IdentiteContext): Promise<UsagerParent | null> {
  const individu = await ctx.loaders.individu.load(nir);
  return individu ? toUsager(individu, ctx.codec) : null;
}

function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
}

export const Query = {
  usager(_: unknown, { id }: { id: string }, ctx: IdentiteContext) {
    const nir = ctx.codec.decode(id);
    if (!nir) throw passerelleError('IDENTIFIANT_USAGER_INVALIDE', 'This usager id was not issued by Passerelle.', { argument: 'id' });
    return byNir(nir, ctx);
  },

  usagerParNir(_: unknown, { nir }: { nir: string }, ctx: IdentiteContext) {
    const check = checkNir(nir);
    if (!check.valide) {
      const why = check.probleme === 'format' ? 'The NIR is malformed (expected 15 characters: 13 + a 2-digit key).' : 'The NIR control key is wrong.';
      throw passerelleError('NIR_INVALIDE', why, { argument: 'nir' });
    }
    return byNir(check.nir, ctx);
  },

  usagers(_: unknown, { ids }: { ids: string[] }, ctx: IdentiteContext) {
    if (ids.length > maxIdsPerQuery) {
      throw passerelleError('ARGUMENT_INVALIDE', `At most ${maxIdsPerQuery} ids per query.`, { argument: 'ids' });
    }
    // Each entry resolves on its own: an invalid id becomes null with its own error at its index.
    return ids.map(async (id) => {
      const nir = ctx.codec.decode(id);
      if (!nir) throw passerelleError('IDENTIFIANT_USAGER_INVALIDE', 'This usager id was not issued by Passerelle.', { argument: 'ids' });
      return byNir(nir, ctx);
    });
  },

  async rechercherUsagers(_: unknown, { identite, limite }: { identite: IdentitePivotInput; limite: number }, ctx: IdentiteContext) {
    if (!isRealDate(identite.dateNaissance)) {
      throw passerelleError('ARGUMENT_INVALIDE', 'dateNaissance must be a complete date, YYYY-MM-DD.', { argument: 'identite.dateNaissance' });
    }
    if (identite.nomNaissance.trim() === '' || identite.prenoms.every((p) => p.trim() === '')) {
      throw passerelleError('ARGUMENT_INVALIDE', 'A name and at least one first name are required.', { argument: 'identite' });
    }
    if (!Number.isInteger(limite) || limite < 1 || limite > 50) throw passerelleError('ARGUMENT_INVALIDE', 'limite must be between 1 and 50.', { argument: 'limite' });
    const sought: IdentityForMatching = {
      noms: [identite.nomNaissance, ...(identite.nomUsage ? [identite.nomUsage] : [])],
      prenoms: identite.prenoms,
      sexe: identite.sexe ?? null,
      dateNaissance: identite.dateNaissance,
      codeLieuNaissance: identite.codeLieuNaissance ?? null,
    };
    const sexe = identite.sexe === 'M' ? '1' : identite.sexe === 'F' ? '2' : undefined;
    const individus = await ctx.sngi.nesLe(identite.dateNaissance, sexe);
    const scored = individus
      .map((individu) => {
        ctx.loaders.individu.prime(individu.NIR, individu);
        const pivot = toIdentitePivot(individu);
        const match = matchIdentity(sought, {
          noms: [pivot.nomNaissance, ...(pivot.nomUsage ? [pivot.nomUsage] : [])],
          prenoms: pivot.prenoms,
          sexe: pivot.sexe,
          dateNaissance: pivot.dateNaissance,
          codeLieuNaissance: pivot.codeLieuNaissance,
        });
        return { usager: toUsager(individu, ctx.codec), score: match.score, criteres: match.criteres };
      })
      .filter((c) => c.score >= minimumCandidateScore)
      .sort((a, b) => b.score - a.score);
    return scored.slice(0, limite);
  },
};
