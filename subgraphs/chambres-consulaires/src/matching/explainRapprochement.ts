import { libellesCriteres } from '@passerelle/subgraph-kit';
import type { DecisionChambre } from './decideRapprochement';

/** Each criterion as an agent reads it. */
export const libelleCritere = libellesCriteres('la chambre');

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The sentence an agent reads under a chamber's entry: what was found and on which criteria, or
 * why nothing is shown. It names no one and quotes no other record.
 */
export function explainRapprochement(nomChambre: string, d: DecisionChambre): string {
  const criteres = d.criteres.map((c) => libelleCritere[c]).join(', ');
  switch (d.statut) {
    case 'AUCUN':
      return `${nomChambre} : aucun chef d'entreprise ni exploitant ne correspond à cette identité.`;
    case 'AMBIGU':
      return (
        `${nomChambre} : ${count(d.candidats, 'fiche correspond', 'fiches correspondent')} aussi bien à cette identité (${criteres}) ` +
        "et la chambre ne permet pas de les distinguer : aucune donnée n'est affichée, pour ne pas confondre deux personnes. " +
        "Vérifier l'identité directement auprès de la chambre."
      );
    case 'CERTAIN':
    case 'PROBABLE': {
      const n = d.fiche?.entreprises.length ?? 0;
      const sure = d.statut === 'CERTAIN' ? 'rapprochement certain' : 'rapprochement probable';
      const what = n ? ` pour ${count(n, 'entreprise', 'entreprises')}` : '';
      const confirm = d.statut === 'PROBABLE' ? " À confirmer avec la personne avant d'agir." : '';
      return `${nomChambre} : ${sure}${what} (${criteres}).${confirm}`;
    }
  }
}
