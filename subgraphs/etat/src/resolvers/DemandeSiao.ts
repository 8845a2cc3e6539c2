import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { DemandeLegacy } from '../legacy/types';

type TypeDemandeSiao = 'URGENCE' | 'INSERTION';
type StatutDemandeSiao = 'EN_ATTENTE' | 'ORIENTEE' | 'HEBERGEE' | 'CLOTUREE';
type DispositifHebergement = 'HEBERGEMENT_URGENCE' | 'CHRS' | 'PENSION_DE_FAMILLE' | 'LOGEMENT_ACCOMPAGNE' | 'RESIDENCE_SOCIALE';

/** The graph's values of SI-SIAO's codes. */
export const typeDemande: Record<DemandeLegacy['cd_type'], TypeDemandeSiao> = { U: 'URGENCE', I: 'INSERTION' };
export const statutDemande: Record<DemandeLegacy['cd_statut'], StatutDemandeSiao> = { ATT: 'EN_ATTENTE', ORI: 'ORIENTEE', HEB: 'HEBERGEE', CLO: 'CLOTUREE' };
export const dispositif: Record<NonNullable<DemandeLegacy['orientation']>['cd_dispositif'], DispositifHebergement> = {
  HU: 'HEBERGEMENT_URGENCE',
  CHRS: 'CHRS',
  PF: 'PENSION_DE_FAMILLE',
  LA: 'LOGEMENT_ACCOMPAGNE',
  RS: 'RESIDENCE_SOCIALE',
};

/** A `DemandeSiao` as the graph serves it. */
export interface DemandeSiao {
  reference: string;
  dateDemande: string;
  type: TypeDemandeSiao;
  statut: StatutDemandeSiao;
  orientation: { dispositif: DispositifHebergement; structure: string; date: string } | null;
}

/** SI-SIAO request → `DemandeSiao` (ISO dates, the graph's enums). */
export function toDemandeSiao(d: DemandeLegacy): DemandeSiao {
  const o = d.orientation;
  return {
    reference: d.num_demande,
    dateDemande: parseLegacyDate(d.dt_demande),
    type: typeDemande[d.cd_type],
    statut: statutDemande[d.cd_statut],
    orientation: o ? { dispositif: dispositif[o.cd_dispositif], structure: o.lib_structure, date: parseLegacyDate(o.dt_orientation) } : null,
  };
}
