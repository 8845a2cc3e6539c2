import { checkNir, matchIdentity, passerelleError, type IdentityForMatching } from '@passerelle/subgraph-kit';
import type { IdentiteContext } from '../context';
import { forMatching, toUsager, toUsagerProvisoire, type UsagerParent } from './toUsager';
import { usagerParCle } from './usagerParCle';

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

export function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
}

export const Query = {
  usager(_: unknown, { id }: { id: string }, ctx: IdentiteContext): Promise<UsagerParent | null> {
    const cle = ctx.codec.decode(id);
    if (!cle) throw passerelleError('IDENTIFIANT_USAGER_INVALIDE', 'This usager id was not issued by Passerelle.', { argument: 'id' });
    return usagerParCle(cle, ctx, 'id');
  },

  usagerParNir(_: unknown, { nir }: { nir: string }, ctx: IdentiteContext) {
    const check = checkNir(nir);
    if (!check.valide) {
      const why = check.probleme === 'format' ? 'The NIR is malformed (expected 15 characters: 13 + a 2-digit key).' : 'The NIR control key is wrong.';
      throw passerelleError('NIR_INVALIDE', why, { argument: 'nir' });
    }
    return usagerParCle(check.nir, ctx, 'nir');
  },

  usagers(_: unknown, { ids }: { ids: string[] }, ctx: IdentiteContext) {
    if (ids.length > maxIdsPerQuery) {
      throw passerelleError('ARGUMENT_INVALIDE', `At most ${maxIdsPerQuery} ids per query.`, { argument: 'ids' });
    }
    // Each entry resolves on its own: an invalid id becomes null with its own error at its index.
    return ids.map(async (id) => {
      const cle = ctx.codec.decode(id);
      if (!cle) throw passerelleError('IDENTIFIANT_USAGER_INVALIDE', 'This usager id was not issued by Passerelle.', { argument: 'ids' });
      return usagerParCle(cle, ctx, 'ids');
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
    // The register of provisional identities is searched too: someone welcomed without a NIR is a candidate
    // (marked by statutIdentite), never once reconciled (the register returns ACTIVE ones only).
    const [individus, provisoires] = await Promise.all([ctx.sngi.nesLe(identite.dateNaissance, sexe), ctx.rip.activesNeesLe(identite.dateNaissance, sexe)]);
    for (const individu of individus) ctx.loaders.individu.prime(individu.NIR, individu);
    for (const provisoire of provisoires) ctx.loaders.identiteProvisoire.prime(provisoire.cle, provisoire);
    const usagers = [...individus.map((i) => toUsager(i, ctx.codec)), ...provisoires.map((p) => toUsagerProvisoire(p, ctx.codec))];
    const scored = usagers
      .map((usager) => ({ usager, ...matchIdentity(sought, forMatching(usager.civile)) }))
      .filter((c) => c.score >= minimumCandidateScore)
      .sort((a, b) => b.score - a.score);
    return scored.slice(0, limite);
  },
};
