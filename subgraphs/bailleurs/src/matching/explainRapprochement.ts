import { libellesCriteres } from '@passerelle/subgraph-kit';
import type { DecisionBailleur } from './decideRapprochement';

/** Each criterion as an agent reads it. */
export const libelleCritere = libellesCriteres('le bailleur');

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The sentence an agent reads under a landlord's entry: what was found and on which
 * criteria, or why nothing is shown. It names no one and quotes no other record: an
 * ambiguous match only says how many records could not be told apart.
 */
export function explainRapprochement(nomBailleur: string, d: DecisionBailleur): string {
  const criteres = d.criteres.map((c) => libelleCritere[c]).join(', ');
  switch (d.statut) {
    case 'AUCUN':
      return `${nomBailleur} : aucun locataire ni demandeur de logement ne correspond à cette identité.`;
    case 'AMBIGU': {
      const fiches = d.ambiguite?.fiches === 'demandeurs' ? ['demande de logement', 'demandes de logement'] : ['locataire', 'locataires'];
      return (
        `${nomBailleur} : ${count(d.ambiguite?.candidats ?? 2, fiches[0]!, fiches[1]!)} correspondent aussi bien à cette identité (${criteres}) ` +
        "et le bailleur ne permet pas de les distinguer : aucune donnée n'est affichée, pour ne pas confondre deux personnes. " +
        "Vérifier l'identité directement auprès du bailleur."
      );
    }
    case 'CERTAIN':
    case 'PROBABLE': {
      const found = [
        ...(d.baux.length ? [count(d.baux.length, 'bail', 'baux')] : []),
        ...(d.demandes.length ? [count(d.demandes.length, 'demande de logement social', 'demandes de logement social')] : []),
      ];
      const sure = d.statut === 'CERTAIN' ? 'rapprochement certain' : 'rapprochement probable';
      const confirm = d.statut === 'PROBABLE' ? " À confirmer avec la personne avant d'agir." : '';
      const what = found.length ? ` pour ${found.join(' et ')}` : '';
      const none = found.length ? '' : ', sans bail ni demande de logement en cours';
      return `${nomBailleur} : ${sure}${what} (${criteres})${none}.${confirm}`;
    }
  }
}
