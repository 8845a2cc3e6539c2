import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { FamilleLegacy, PrestationRsaLegacy } from '../legacy/types';
import { toDroitMsa, type DroitMsa } from './DroitMsa';
import { toDroitRsaMsa, type DroitRsaMsa } from './DroitRsaMsa';

/** A `PrestationsFamilialesMsa` as the graph serves it. */
export interface PrestationsFamilialesMsa {
  role: 'ALLOCATAIRE' | 'CONJOINT';
  foyer: { nombreAdultes: number; enfants: Array<{ prenom: string; dateNaissance: string }> };
  quotientFamilial: number;
  droits: DroitMsa[];
  rsa: DroitRsaMsa | null;
}

/** MSA family file → `PrestationsFamilialesMsa`. */
export function toPrestationsFamilialesMsa(f: FamilleLegacy): PrestationsFamilialesMsa {
  // A file has one RSA right at most; should MSA ever list two, the first one is its current one.
  const rsa = f.prestations.find((p): p is PrestationRsaLegacy => p.cd_prestation === 'RSA');
  return {
    role: f.cd_role === 'RESP' ? 'ALLOCATAIRE' : 'CONJOINT',
    foyer: { nombreAdultes: f.nb_adultes, enfants: f.enfants.map((e) => ({ prenom: e.prenom, dateNaissance: parseLegacyDate(e.dt_naissance) })) },
    quotientFamilial: f.qf,
    droits: f.prestations.map(toDroitMsa),
    rsa: rsa ? toDroitRsaMsa(rsa) : null,
  };
}
