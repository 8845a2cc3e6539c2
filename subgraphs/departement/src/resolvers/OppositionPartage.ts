import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { Beneficiaire } from '../legacy/types';
import { partenaire, partnerCodeOfLegacy } from './codesDepartement';

export type OppositionPartage = ReturnType<typeof toOpposition>;

export function toOpposition(o: Beneficiaire['oppositions'][number]) {
  return {
    partenaire: partenaire[o.cd_partenaire] ?? null,
    codePartenaire: partnerCodeOfLegacy(o.cd_partenaire),
    dateOpposition: parseLegacyDate(o.dt_opposition),
    recueilliePar: o.recueillie_par,
    active: o.dt_levee === null,
    dateLevee: o.dt_levee === null ? null : parseLegacyDate(o.dt_levee),
  };
}
