import { randomBytes } from 'node:crypto';
import { activeRoles, lireMois, passerelleError, type AppelPasserelle } from '@passerelle/subgraph-kit';
import { catalogueCroisements, type NomCroisement } from './catalogueCroisements';
import { compterIntersection, lirePseudonymes } from './compterIntersection';
import { demanderPseudonymes, type SignedSubgraphFetch } from './demanderPseudonymes';
import { publierEffectif, type EffectifPublie } from './publierEffectif';

/** What the audit journal keeps of one crossing: its name, the partners asked, the count published or why not. Never a pseudonym. */
export interface CroisementAudite {
  nom: NomCroisement;
  mois: string;
  partenaires: string[];
  effectif: number | null;
  /** Why no count: the kit's reason of secrecy, or `ECHEC` when a partner failed (nothing counted). */
  secret: EffectifPublie['secret'] | 'ECHEC';
}

/** The schema's `ResultatCroisement`. */
export interface ResultatCroisement extends EffectifPublie {
  nom: NomCroisement;
  definition: string;
  jointure: string;
  criteres: Array<{ partenaire: string; source: string; description: string }>;
  dateReference: string;
}

/**
 * Counts one crossing: draws a 32-byte key for this crossing only (never stored, never logged),
 * asks both partners at once for their pseudonyms under it, intersects them in memory, applies
 * the threshold. A partner that fails fails the crossing (the first in the catalogue's order is
 * named); the lists and the key are dropped when this returns.
 */
export async function croiser(input: { nom: NomCroisement; mois: unknown; appel: AppelPasserelle; fetch: SignedSubgraphFetch }): Promise<{ resultat: ResultatCroisement; audit: CroisementAudite }> {
  const { caller, finalite } = input.appel;
  if (caller === null || finalite === null || !activeRoles(caller, finalite).includes('analyste')) {
    throw passerelleError('ACCES_REFUSE', 'Only an analyst, for the purpose statistique, runs a crossing.');
  }
  const mois = lireMois(input.mois);
  const croisement = catalogueCroisements[input.nom];
  const cle = randomBytes(32).toString('base64url');
  const reponses = await Promise.allSettled(
    croisement.criteres.map(async (critere) =>
      lirePseudonymes(await demanderPseudonymes({ fetch: input.fetch, appel: input.appel, critere, mois: mois.mois, jointure: croisement.jointure, cle }), critere.partenaire),
    ),
  );
  const echec = reponses.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (echec !== undefined) throw echec.reason;
  const [a, b] = reponses.map((r) => (r as PromiseFulfilledResult<ReadonlySet<string>>).value) as [ReadonlySet<string>, ReadonlySet<string>];
  const publie = publierEffectif(compterIntersection(a, b));
  const partenaires = croisement.criteres.map((c) => c.partenaire);
  return {
    resultat: {
      nom: input.nom,
      definition: croisement.definition,
      jointure: croisement.jointure,
      criteres: croisement.criteres.map((c) => ({ partenaire: c.partenaire, source: c.source, description: c.description })),
      dateReference: mois.dernierJour,
      ...publie,
    },
    audit: { nom: input.nom, mois: mois.mois, partenaires, ...publie },
  };
}
