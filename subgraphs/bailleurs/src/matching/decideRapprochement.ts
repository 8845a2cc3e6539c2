import { decideMatch, matchIdentity, type CritereRapprochement, type IdentityForMatching, type MatchDecision, type StatutRapprochement } from '@passerelle/subgraph-kit';
import type { IdentitePivot } from '../identitePivot';
import type { Bail, DemandeLogementSocial, DossierBailleur, FicheDemandeur, FicheLocataire, IdentiteDeclaree } from '../records/DossierBailleur';

/** What Passerelle decides about one person at one landlord. */
export interface DecisionBailleur {
  statut: StatutRapprochement;
  score: number | null;
  criteres: CritereRapprochement[];
  /** Only when retained (CERTAIN or PROBABLE). */
  baux: Bail[];
  demandes: DemandeLogementSocial[];
  /** When AMBIGU: which kind of record could not be told apart, and how many matched. */
  ambiguite: { fiches: 'locataires' | 'demandeurs'; candidats: number } | null;
}

/** The person's side: birth and usage names, every first name, sex and birth place. */
function personOf(pivot: IdentitePivot): IdentityForMatching {
  return {
    noms: [pivot.nomNaissance, ...(pivot.nomUsage ? [pivot.nomUsage] : [])],
    prenoms: pivot.prenoms,
    sexe: pivot.sexe,
    dateNaissance: pivot.dateNaissance,
    codeLieuNaissance: pivot.codeLieuNaissance,
  };
}

/** The landlord's side: one name, one first name, no sex recorded, the birth place if typed. */
function recordOf(identite: IdentiteDeclaree): IdentityForMatching {
  return { noms: [identite.nom], prenoms: [identite.prenom], sexe: null, dateNaissance: identite.dateNaissance, codeLieuNaissance: identite.codeLieuNaissance };
}

const aucun: DecisionBailleur = { statut: 'AUCUN', score: null, criteres: [], baux: [], demandes: [], ambiguite: null };

/**
 * Matches a person against one landlord's records born that day, and decides what may be shown.
 *
 * Tenant records and applicant records are decided apart, each with the kit's `decideMatch`:
 * a landlord keeps one tenant file per person, and the SNE allows one application per person
 * and département, so two records *of the same kind* matching equally well are two people
 * (homonyms) and the whole landlord is refused as AMBIGU. A tenant record and an application
 * record matching together are the same person seen by two services of the landlord, typed
 * differently (the usage-name persona: "ROUQUETTE-FABRE" on the lease, "ROUQUETTE" on the
 * application) — pooling them would wrongly call that ambiguous. *(unverified: one tenant
 * file per person is how the landlords' software is assumed to work.)*
 *
 * The score and criteria reported are those of the weakest record retained, so that the
 * statut never claims more certainty than the least certain datum shown.
 */
export function decideRapprochement(pivot: IdentitePivot, dossier: DossierBailleur): DecisionBailleur {
  const person = personOf(pivot);
  const decide = <T extends FicheLocataire | FicheDemandeur>(fiches: readonly T[]): MatchDecision<T> =>
    decideMatch(fiches.map((record) => ({ record, match: matchIdentity(person, recordOf(record.identite)) })));
  const locataire = decide(dossier.locataires);
  const demandeur = decide(dossier.demandeurs);

  for (const [decision, fiches] of [
    [locataire, 'locataires'],
    [demandeur, 'demandeurs'],
  ] as const) {
    if (decision.statut === 'AMBIGU') {
      return { statut: 'AMBIGU', score: decision.score, criteres: decision.criteres, baux: [], demandes: [], ambiguite: { fiches, candidats: decision.candidats } };
    }
  }
  const retained = [locataire, demandeur].filter((d) => d.retenu !== null);
  const weakest = retained.reduce<(typeof retained)[number] | null>((w, d) => (w === null || (d.score ?? 0) < (w.score ?? 0) ? d : w), null);
  if (!weakest) return aucun;
  return {
    statut: weakest.statut,
    score: weakest.score,
    criteres: weakest.criteres,
    baux: locataire.retenu?.baux ?? [],
    demandes: demandeur.retenu ? [demandeur.retenu.demande] : [],
    ambiguite: null,
  };
}
