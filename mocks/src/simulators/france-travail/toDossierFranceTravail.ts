import type { DossierFranceTravail } from '../../population/types';
import { toLegacyDate } from '../legacyHttp';

/** A job seeker's file as France Travail's data endpoint returns it (see mocks/docs/france-travail.md). */
export function toDossierFranceTravail(d: DossierFranceTravail) {
  return {
    identifiant: d.identifiant,
    inscription: { code_categorie: String(d.categorie), date_inscription: toLegacyDate(d.dateInscription) },
    indemnisation: d.indemnisation
      ? {
          code_allocation: d.indemnisation.allocation,
          montant_journalier: d.indemnisation.montantJournalierCents,
          date_debut: toLegacyDate(d.indemnisation.dateDebut),
          date_fin_droits: toLegacyDate(d.indemnisation.dateFinDroits),
        }
      : null,
    // Most recent first, as the partner lists them.
    paiements: [...d.paiements].sort((a, b) => b.date.localeCompare(a.date)).map((p) => ({ date_paiement: toLegacyDate(p.date), code_allocation: p.allocation, montant: p.montantCents })),
    conseiller: { nom: d.conseiller.nom, agence: d.conseiller.agence },
    diagnostic: { date_diagnostic: toLegacyDate(d.diagnostic.date), contraintes: [...d.diagnostic.contraintes], besoins: [...d.diagnostic.besoins] },
  };
}
