import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { Beneficiaire } from '../legacy/types';

/** A `Referent` as the graph serves it. */
export interface Referent {
  id: string;
  nom: string;
  structure: string;
  partenaire: string | null;
}

/** A `ReferentDeParcours` as the graph serves it. */
export interface ReferentDeParcours {
  referent: Referent;
  depuis: string;
  jusqua: string | null;
}

/** A professional as the file records them (référent or team member) → `Referent`. */
export function toReferent(r: Pick<Beneficiaire['referents'][number], 'id_referent' | 'nom' | 'structure' | 'partenaire_passerelle'>): Referent {
  return { id: r.id_referent, nom: r.nom, structure: r.structure, partenaire: r.partenaire_passerelle };
}

function toReferentDeParcours(r: Beneficiaire['referents'][number]): ReferentDeParcours {
  return { referent: toReferent(r), depuis: parseLegacyDate(r.dt_debut), jusqua: r.dt_fin === null ? null : parseLegacyDate(r.dt_fin) };
}

/** The active référent (the system keeps at most one); null when none. */
export function referentActif(b: Beneficiaire): ReferentDeParcours | null {
  const actif = b.referents.find((r) => r.dt_fin === null);
  return actif ? toReferentDeParcours(actif) : null;
}

/** Every référent, most recent first (the system lists them oldest first). */
export function historiqueReferents(b: Beneficiaire): ReferentDeParcours[] {
  return [...b.referents].reverse().map(toReferentDeParcours);
}
