import type { Population } from '../../population/createPopulation';
import type { DemandeSiao, Personne } from '../../population/types';
import { toLegacyDate } from '../legacyHttp';

/** Request types as SI-SIAO codes them: `U` urgence (emergency shelter), `I` insertion (adapted housing). */
export const codeType = { URGENCE: 'U', INSERTION: 'I' } as const satisfies Record<DemandeSiao['type'], string>;
/** Request states: waiting, oriented to a place, sheltered there, closed. */
export const codeStatut = { EN_ATTENTE: 'ATT', ORIENTEE: 'ORI', HEBERGEE: 'HEB', CLOTUREE: 'CLO' } as const satisfies Record<DemandeSiao['statut'], string>;
type Dispositif = NonNullable<DemandeSiao['orientation']>['dispositif'];
/** Schemes an orientation points to. */
const codeDispositif = { HEBERGEMENT_URGENCE: 'HU', CHRS: 'CHRS', PENSION_DE_FAMILLE: 'PF', LOGEMENT_ACCOMPAGNE: 'LA', RESIDENCE_SOCIALE: 'RS' } as const satisfies Record<Dispositif, string>;

function toDemande(d: DemandeSiao) {
  return {
    num_demande: d.reference,
    dt_demande: toLegacyDate(d.dateDemande),
    cd_type: codeType[d.type],
    cd_statut: codeStatut[d.statut],
    orientation: d.orientation ? { cd_dispositif: codeDispositif[d.orientation.dispositif], lib_structure: d.orientation.structure, dt_orientation: toLegacyDate(d.orientation.date) } : null,
  };
}

/** Upper-case, without accents: how SI-SIAO stores names. */
export const siaoName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase();

/**
 * A person as SI-SIAO returns them (see mocks/docs/siao.md): the identity as declared, the NIR
 * only when one of their requests recorded it, the current request and the older ones.
 */
export function toPersonneSiao(personne: Personne, population: Population) {
  const demandes = [...(population.demandesSiaoParRef.get(personne.ref) ?? [])].sort((a, b) => b.dateDemande.localeCompare(a.dateDemande));
  const enCours = demandes.find((d) => d.statut !== 'CLOTUREE') ?? null;
  return {
    nir: demandes.some((d) => d.nirConnu) ? personne.nir : null,
    nom_naissance: siaoName(personne.nomNaissance),
    nom_usage: personne.nomUsage === null ? null : siaoName(personne.nomUsage),
    prenom: personne.prenoms[0] ?? '',
    cd_sexe: String(personne.sexe),
    dt_naissance: toLegacyDate(personne.dateNaissance),
    demande_en_cours: enCours ? toDemande(enCours) : null,
    historique: demandes.filter((d) => d !== enCours).map(toDemande),
  };
}
