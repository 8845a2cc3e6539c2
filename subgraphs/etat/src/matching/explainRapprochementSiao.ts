import { libellesCriteres, type MatchDecision } from '@passerelle/subgraph-kit';

/** Each criterion as an agent reads it. */
const libelleCritere = libellesCriteres('le SIAO');

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The sentence an agent reads about a match made without NIR: on which criteria, or why nothing
 * is shown. It names no one: an ambiguous match only says how many people could not be told apart.
 */
export function explainRapprochementSiao(d: MatchDecision<unknown>, demandes: number): string {
  const criteres = d.criteres.map((c) => libelleCritere[c]).join(', ');
  switch (d.statut) {
    case 'AUCUN':
      return 'SIAO : aucune personne connue du SIAO ne correspond à cette identité.';
    case 'AMBIGU':
      return (
        `SIAO : ${count(d.candidats, 'personne connue', 'personnes connues')} du SIAO correspondent aussi bien à cette identité (${criteres}) ` +
        "et le SIAO n'a pas leur NIR pour les distinguer : aucune demande n'est affichée, pour ne pas confondre deux personnes. " +
        "Vérifier l'identité directement auprès du SIAO."
      );
    case 'CERTAIN':
    case 'PROBABLE': {
      const sure = d.statut === 'CERTAIN' ? 'rapprochement certain' : 'rapprochement probable';
      const confirm = d.statut === 'PROBABLE' ? " À confirmer avec la personne avant d'agir." : '';
      return `SIAO : ${sure} sans NIR, sur l'identité déclarée, pour ${count(demandes, 'demande', 'demandes')} (${criteres}).${confirm}`;
    }
  }
}
