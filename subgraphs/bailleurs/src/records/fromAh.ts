import { centsToEuros, parseLegacyDate } from '@passerelle/subgraph-kit';
import type { BailAh, CodeStatutAh, DemandeAh, FicheAh } from '../legacy/ahTypes';
import type { Bail, DemandeLogementSocial, DossierBailleur, StatutDemandeLogement, TypologieLogement } from './DossierBailleur';

/** The graph's status of each AH application state. */
export const statutDemandeAh: Record<CodeStatutAh, StatutDemandeLogement> = { 1: 'ACTIVE', 2: 'PROPOSITION', 3: 'ATTRIBUEE', 9: 'RADIEE' };

/** Number of main rooms → typology; five rooms or more is `T5`. */
export function typologieOf(nbPieces: number): TypologieLogement {
  return (['T1', 'T2', 'T3', 'T4', 'T5'] as const)[Math.min(5, Math.max(1, nbPieces)) - 1]!;
}

/** AH lease → `Bail` (euros, ISO dates). */
export function toBailAh(b: BailAh): Bail {
  const plan = b.planApurement;
  return {
    reference: b.numeroBail,
    typologie: typologieOf(b.nbPieces),
    surface: b.surfaceM2,
    adresse: { ligne: b.adresse.voie, codePostal: b.adresse.codePostal, commune: b.adresse.commune },
    loyer: centsToEuros(b.loyerCentimes),
    charges: centsToEuros(b.chargesCentimes),
    solde: centsToEuros(b.soldeCentimes),
    moisImpayes: b.nbMoisImpayes,
    planApurement: plan ? { mensualite: centsToEuros(plan.mensualiteCentimes), dateDebut: parseLegacyDate(plan.debut), dateFin: parseLegacyDate(plan.fin), respecte: plan.respecte } : null,
    dateEntree: parseLegacyDate(b.dateEntree),
  };
}

/** AH application → `DemandeLogementSocial`. */
export function toDemandeAh(d: DemandeAh): DemandeLogementSocial {
  return {
    numeroUnique: d.numeroUnique,
    dateDepot: parseLegacyDate(d.dateDepot),
    dateRenouvellement: d.dateRenouvellement === null ? null : parseLegacyDate(d.dateRenouvellement),
    statut: statutDemandeAh[d.codeStatut],
    typologieSouhaitee: typologieOf(d.nbPiecesSouhaitees),
  };
}

/** AH's records for a batch of dates → each date's tenant and applicant records (dates without any are absent). */
export function fromAh(fiches: readonly FicheAh[]): Map<string, DossierBailleur> {
  const byDate = new Map<string, DossierBailleur>();
  for (const fiche of fiches) {
    const p = fiche.personne;
    const identite = { nom: p.nom, prenom: p.prenom, dateNaissance: parseLegacyDate(p.dateNaissance), codeLieuNaissance: p.codeInseeNaissance };
    const dossier = byDate.get(identite.dateNaissance) ?? { locataires: [], demandeurs: [] };
    if (fiche.typeFiche === 'BAIL') dossier.locataires.push({ identite, baux: [toBailAh(fiche.bail)] });
    else dossier.demandeurs.push({ identite, demande: toDemandeAh(fiche.demande) });
    byDate.set(identite.dateNaissance, dossier);
  }
  return byDate;
}
