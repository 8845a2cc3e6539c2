import { centsToEuros, parseLegacyDate } from '@passerelle/subgraph-kit';
import type { BailRah, CodeStatutRah, DemandeRah, RechercheRah } from '../legacy/rahTypes';
import type { Bail, DemandeLogementSocial, DossierBailleur, IdentiteDeclaree, StatutDemandeLogement } from './DossierBailleur';

/** The graph's status of each RAH application state. */
export const statutDemandeRah: Record<CodeStatutRah, StatutDemandeLogement> = { ACT: 'ACTIVE', PRO: 'PROPOSITION', ATT: 'ATTRIBUEE', RAD: 'RADIEE' };

function toIdentite(i: { NOM: string; PRENOM: string; DATE_NAISSANCE: string; LIEU_NAISSANCE: string | null }): IdentiteDeclaree {
  return { nom: i.NOM, prenom: i.PRENOM, dateNaissance: parseLegacyDate(i.DATE_NAISSANCE), codeLieuNaissance: i.LIEU_NAISSANCE };
}

/** RAH lease → `Bail` (euros, ISO dates). */
export function toBailRah(b: BailRah): Bail {
  const plan = b.PLAN_APUREMENT;
  return {
    reference: b.REF_BAIL,
    typologie: b.TYPE_LGT,
    surface: b.SURFACE_HAB,
    adresse: { ligne: b.ADRESSE.LIGNE, codePostal: b.ADRESSE.CP, commune: b.ADRESSE.COMMUNE },
    loyer: centsToEuros(b.LOYER),
    charges: centsToEuros(b.CHARGES),
    solde: centsToEuros(b.SOLDE),
    moisImpayes: b.NB_MOIS_IMPAYES,
    planApurement: plan
      ? { mensualite: centsToEuros(plan.MENSUALITE), dateDebut: parseLegacyDate(plan.DATE_DEBUT), dateFin: parseLegacyDate(plan.DATE_FIN), respecte: plan.TOP_RESPECTE === '1' }
      : null,
    dateEntree: parseLegacyDate(b.DATE_ENTREE),
  };
}

/** RAH application → `DemandeLogementSocial`. */
export function toDemandeRah(d: DemandeRah): DemandeLogementSocial {
  return {
    numeroUnique: d.NUM_UNIQUE,
    dateDepot: parseLegacyDate(d.DATE_DEPOT),
    dateRenouvellement: d.DATE_RENOUV === null ? null : parseLegacyDate(d.DATE_RENOUV),
    statut: statutDemandeRah[d.CODE_STATUT],
    typologieSouhaitee: d.TYPE_LGT_SOUHAITE,
  };
}

/** RAH's answer for one date of birth → its tenant and applicant records. */
export function fromRah(r: RechercheRah): DossierBailleur {
  return {
    locataires: r.LOCATAIRES.map((l) => ({ identite: toIdentite(l), baux: l.BAUX.map(toBailRah) })),
    demandeurs: r.DEMANDEURS.map((d) => ({ identite: toIdentite(d), demande: toDemandeRah(d.DEMANDE) })),
  };
}
