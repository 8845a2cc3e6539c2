import { cleCellule, passerelleError, type Comptage, type Cube, type Dimension } from '@passerelle/subgraph-kit';
import type { LieuLegacy, LigneStatistique, NomStatistiqueAccueil, StatistiqueAccueil } from '../legacy/types';
import { motifDeCode } from '../resolvers/MotifOrientation';
import { statutDeCode } from '../resolvers/Orientation';
import { partenaireDeCode } from '../resolvers/Partenaire';
import { serviceDeCode } from '../resolvers/ServiceAccueil';

/** `MotifOrientation` as a dimension, in the schema's order. */
const dimensionMotif: Dimension = {
  code: 'MOTIF',
  argument: 'motif',
  modalites: [
    { code: 'ACCES_AUX_DROITS', libelle: 'Accès aux droits' },
    { code: 'LOGEMENT', libelle: 'Logement' },
    { code: 'HEBERGEMENT_URGENCE', libelle: "Hébergement d'urgence" },
    { code: 'EMPLOI', libelle: 'Emploi' },
    { code: 'SANTE', libelle: 'Santé' },
    { code: 'RETRAITE', libelle: 'Retraite' },
    { code: 'DIFFICULTES_FINANCIERES', libelle: 'Difficultés financières' },
    { code: 'NUMERIQUE', libelle: 'Numérique' },
    { code: 'ACCOMPAGNEMENT_SOCIAL', libelle: 'Accompagnement social' },
    { code: 'AUTRE', libelle: 'Autre' },
  ],
};
/** `StatutOrientation` as a dimension, in the schema's order. */
const dimensionStatut: Dimension = {
  code: 'STATUT',
  argument: 'statut',
  modalites: [
    { code: 'PROPOSEE', libelle: 'Proposée' },
    { code: 'ACCEPTEE', libelle: 'Acceptée' },
    { code: 'REFUSEE', libelle: 'Refusée' },
    { code: 'REALISEE', libelle: 'Réalisée' },
    { code: 'ABANDONNEE', libelle: 'Abandonnée' },
  ],
};
/** `ServiceAccueil` as a dimension, in the schema's order. */
const dimensionService: Dimension = {
  code: 'SERVICE',
  argument: 'service',
  modalites: [
    { code: 'ACCUEIL_GENERAL', libelle: 'Accueil général' },
    { code: 'ACCES_AUX_DROITS', libelle: 'Accès aux droits' },
    { code: 'AIDE_NUMERIQUE', libelle: 'Aide numérique' },
    { code: 'DOMICILIATION', libelle: 'Domiciliation' },
    { code: 'AIDE_ALIMENTAIRE', libelle: 'Aide alimentaire' },
    { code: 'ACCOMPAGNEMENT_SOCIAL', libelle: 'Accompagnement social' },
    { code: 'EMPLOI', libelle: 'Emploi' },
    { code: 'LOGEMENT', libelle: 'Logement' },
    { code: 'ESPACE_RENCONTRE', libelle: 'Espace de rencontre' },
  ],
};
/** `AnimateurEvenement`: the partner running an event with the tiers-lieu, or the tiers-lieu alone. */
const dimensionAnimateur: Dimension = {
  code: 'ANIMATEUR',
  argument: 'animateur',
  modalites: [
    { code: 'CAF', libelle: 'CAF' },
    { code: 'CPAM', libelle: 'CPAM' },
    { code: 'CARSAT', libelle: 'Carsat' },
    { code: 'MSA', libelle: 'MSA' },
    { code: 'FRANCE_TRAVAIL', libelle: 'France Travail' },
    { code: 'BAILLEURS', libelle: 'Bailleurs sociaux' },
    { code: 'SIAO', libelle: 'SIAO' },
    { code: 'DEPARTEMENT', libelle: 'Département' },
    { code: 'CCAS', libelle: 'CCAS' },
    { code: 'TIERS_LIEU', libelle: 'Le tiers-lieu seul' },
  ],
};
/** `SituationInscription`: what became of a sign-up. */
const dimensionPresence: Dimension = {
  code: 'PRESENCE',
  argument: 'presence',
  modalites: [
    { code: 'PRESENT', libelle: 'Venu' },
    { code: 'ABSENT', libelle: 'Pas venu' },
    { code: 'PRESENCE_NON_SAISIE', libelle: 'Présence non saisie' },
    { code: 'ANNULEE', libelle: 'Inscription annulée' },
  ],
};
const presence = { P: 'PRESENT', A: 'ABSENT', NR: 'PRESENCE_NON_SAISIE', ANN: 'ANNULEE' } as const;

/** The places of the directory as a dimension: reference data, fixed whatever was recorded. */
const dimensionLieu = (lieux: readonly LieuLegacy[]): Dimension => ({ code: 'LIEU', argument: 'lieu', modalites: lieux.map((l) => ({ code: l.code_lieu, libelle: l.libelle })) });

function lieuConnu(lieux: readonly LieuLegacy[], code: string): string {
  if (lieux.some((l) => l.code_lieu === code)) return code;
  throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', 'The accueil system counted passages at a place its directory does not list.', { partenaire: 'accueil' });
}

/** Each statistic's two dimensions and the modalities of one of its lines. */
const definitions: { [N in NomStatistiqueAccueil]: (lieux: readonly LieuLegacy[]) => { dimensions: readonly [Dimension, Dimension]; modalites: (l: LigneStatistique<N>) => [string, string] } } = {
  orientations: () => ({ dimensions: [dimensionMotif, dimensionStatut], modalites: (l) => [motifDeCode[l.MOTIF], statutDeCode[l.STATUT]] }),
  passages: (lieux) => ({ dimensions: [dimensionLieu(lieux), dimensionService], modalites: (l) => [lieuConnu(lieux, l.LIEU), serviceDeCode[l.MOTIF]] }),
  inscriptions: () => ({ dimensions: [dimensionAnimateur, dimensionPresence], modalites: (l) => [l.PARTENAIRE === 'TLS' ? 'TIERS_LIEU' : partenaireDeCode[l.PARTENAIRE], presence[l.PRESENCE]] }),
};

/** The network's count as the kit's cube: its two fixed dimensions, the system's codes mapped onto the schema's modalities. */
export function cubeAccueil<N extends NomStatistiqueAccueil>(nom: N, stats: StatistiqueAccueil<N>, lieux: readonly LieuLegacy[]): Cube {
  const { dimensions, modalites } = definitions[nom](lieux);
  const comptages = new Map<string, Comptage>();
  for (const ligne of stats.lignes) {
    const key = cleCellule(...modalites(ligne));
    comptages.set(key, { effectif: (comptages.get(key)?.effectif ?? 0) + ligne.nombre, montantCents: null });
  }
  const d = stats.date_reference;
  return { dimensions, comptages, avecMontants: false, dateReference: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` };
}
