import type { PersonaKey } from '../../population/personas';
import type { BeneficiaireDepartement } from './BeneficiaireDepartement';
import { professionnel, referentParId } from './referentsDepartement';
import { nextId, type Sequences } from './sequences';

type B = BeneficiaireDepartement;
type Objectif = B['objectifs'][number];
/**
 * A persona's follow-up as written below: the seed (seedDepartement.ts) adds their RSA parcours
 * (opened on the orientation's day), an empty team, the structure carrying each action (the
 * active référent's) and the links of postponed appointments (none).
 */
export type Suivi = Omit<B, 'nir' | 'dossier_rsa' | 'parcours' | 'equipe' | 'objectifs' | 'rendez_vous'> & {
  orientation: NonNullable<NonNullable<B['dossier_rsa']>['orientation']>;
  objectifs: Array<Omit<Objectif, 'actions'> & { actions: Array<Omit<Objectif['actions'][number], 'structure_porteuse' | 'partenaire_porteur'>> }>;
  rendez_vous: Array<Omit<B['rendez_vous'][number], 'id_rdv_report'>>;
};

function referent(id: string, dt_debut: string, dt_fin: string | null) {
  return { ...professionnel(referentParId.get(id)!), dt_debut, dt_fin };
}

const vide = { objectifs: [], notes: [], rendez_vous: [], contrat: null, oppositions: [] };

/**
 * The documented follow-up of the personas the Département accompanies (see mocks/docs/departement.md).
 * Built first, in this order, so that their ids (OBJ-000001…) never depend on the population's size.
 */
export const personaFiles: ReadonlyArray<[PersonaKey, (seq: Sequences) => Suivi]> = [
  [
    'rsa-isolee',
    (seq) => {
      const [mobilite, logement] = [nextId(seq, 'OBJ'), nextId(seq, 'OBJ')];
      const action = (intitule: string, cd_statut: Suivi['objectifs'][number]['actions'][number]['cd_statut'], dt_echeance: string | null) => ({
        id_action: nextId(seq, 'ACT'),
        intitule,
        cd_statut,
        dt_echeance,
      });
      return {
        orientation: { cd_type: 'SOCPRO', lib_organisme: 'Département – Maison des solidarités de Rodez', dt_orientation: '20240304' },
        referents: [referent('ref-002', '20240304', '20250131'), referent('ref-001', '20250201', null)],
        objectifs: [
          {
            id_objectif: mobilite,
            cd_theme: 'MOBILITE',
            intitule: 'Obtenir le permis de conduire',
            cd_statut: 'ENC',
            dt_creation: '20250210',
            actions: [
              action("Inscription à l'auto-école sociale de Rodez", 'REAL', '20250331'),
              action("Financement du code par l'aide départementale à la mobilité", 'ENCO', '20261215'),
              action("Passage de l'examen du code", 'PREV', '20270228'),
            ],
          },
          {
            id_objectif: logement,
            cd_theme: 'LOGEMENT',
            intitule: 'Résorber la dette locative auprès de Rodez Agglo Habitat',
            cd_statut: 'ENC',
            dt_creation: '20250210',
            actions: [
              action('Saisine du fonds de solidarité logement (FSL)', 'ATTE', '20261130'),
              action("Reprise du plan d'apurement de 40 € par mois", 'ABAN', '20260630'),
              action('Rencontre avec la conseillère sociale du bailleur', 'ANNU', '20260612'),
            ],
          },
        ],
        notes: [
          {
            id_note: nextId(seq, 'NOT'),
            auteur: 'Nadia Cayla',
            dt_note: '20261014',
            cd_audience: 'EQU',
            texte: 'Point mensuel : code de la route commencé, dossier FSL déposé, en attente de la commission.',
          },
          { id_note: nextId(seq, 'NOT'), auteur: 'Nadia Cayla', dt_note: '20261014', cd_audience: 'USA', texte: 'Prochaines étapes convenues : examen du code, réponse du FSL.' },
        ],
        rendez_vous: [
          {
            id_rdv: nextId(seq, 'RDV'),
            dt_rdv: '20260612',
            hr_rdv: '1000',
            lieu: 'Rodez Agglo Habitat',
            objet: 'Rencontre avec la conseillère sociale du bailleur',
            avec: 'Nadia Cayla',
            cd_statut: 'ANN',
          },
          {
            id_rdv: nextId(seq, 'RDV'),
            dt_rdv: '20261118',
            hr_rdv: '1430',
            lieu: 'Maison des solidarités de Rodez',
            objet: "Point d'étape du contrat d'engagement",
            avec: 'Nadia Cayla',
            cd_statut: 'PLA',
          },
        ],
        contrat: { dt_debut: '20260301', dt_fin: '20270228', objectifs: [mobilite, logement] },
        oppositions: [],
      };
    },
  ],
  [
    'sans-domicile',
    (seq) => ({
      orientation: { cd_type: 'SOC', lib_organisme: 'Département – Maison des solidarités de Rodez', dt_orientation: '20250320' },
      referents: [referent('ref-001', '20250320', null)],
      objectifs: [
        {
          id_objectif: nextId(seq, 'OBJ'),
          cd_theme: 'LOGEMENT',
          intitule: 'Accéder à un logement accompagné en sortie de CHRS',
          cd_statut: 'ENC',
          dt_creation: '20250401',
          actions: [{ id_action: nextId(seq, 'ACT'), intitule: "Demande d'orientation SIAO vers un logement accompagné", cd_statut: 'ENCO', dt_echeance: '20261231' }],
        },
      ],
      notes: [],
      rendez_vous: [],
      contrat: null,
      oppositions: [],
    }),
  ],
  [
    'homonyme-rodez',
    () => ({
      ...vide,
      orientation: { cd_type: 'PRO', lib_organisme: 'France Travail Rodez', dt_orientation: '20251006' },
      referents: [referent('ref-007', '20251006', null)],
      oppositions: [
        { cd_partenaire: 'CPAM', dt_opposition: '20251010', recueillie_par: 'Olivier Costes', dt_levee: '20251024' },
        { cd_partenaire: 'BAILLEURS', dt_opposition: '20251103', recueillie_par: 'Olivier Costes', dt_levee: null },
      ],
    }),
  ],
  [
    'exploitant-agricole',
    () => ({
      ...vide,
      orientation: { cd_type: 'SOCPRO', lib_organisme: 'MSA Midi-Pyrénées Nord – Aveyron', dt_orientation: '20250512' },
      referents: [referent('ref-015', '20250512', null)],
    }),
  ],
];
