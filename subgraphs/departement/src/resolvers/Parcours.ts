import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { Beneficiaire } from '../legacy/types';
import { issueParcours, motif, roleEquipe } from './codesDepartement';
import { toReferent } from './ReferentDeParcours';

export type Parcours = ReturnType<typeof toParcours>;
export type MembreEquipe = ReturnType<typeof toMembreEquipe>;

const dateOrNull = (d: string | null) => (d === null ? null : parseLegacyDate(d));

export function toParcours(p: Beneficiaire['parcours'][number]) {
  return {
    id: p.id_parcours,
    motif: motif[p.cd_motif],
    dateOuverture: parseLegacyDate(p.dt_ouverture),
    ouvertPar: p.ouvert_par,
    dateCloture: dateOrNull(p.dt_cloture),
    issue: p.cd_issue === null ? null : issueParcours[p.cd_issue],
    enCours: p.dt_cloture === null,
  };
}

/** The open parcours (the system keeps at most one); null when none is open. */
export function parcoursEnCours(b: Beneficiaire): Parcours | null {
  const ouvert = b.parcours.find((p) => p.dt_cloture === null);
  return ouvert ? toParcours(ouvert) : null;
}

export function toMembreEquipe(m: Beneficiaire['equipe'][number]) {
  return { professionnel: toReferent(m), role: roleEquipe[m.cd_role], fonction: m.fonction, depuis: parseLegacyDate(m.dt_debut), jusqua: dateOrNull(m.dt_fin) };
}

/** The active team members, in the order they joined. */
export function equipeActive(b: Beneficiaire): MembreEquipe[] {
  return b.equipe.filter((m) => m.dt_fin === null).map(toMembreEquipe);
}
