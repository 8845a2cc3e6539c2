import { activeRoles, type AppelPasserelle, type UsagerIdCodec } from '@passerelle/subgraph-kit';
import type { Beneficiaire } from '../legacy/types';
import type { audience } from './codesDepartement';
import { qualiteDe } from './droitsEcriture';

type CodeAudience = keyof typeof audience;

/**
 * Which audiences of a usager's notes the caller may read (docs/security.md, "Notes of the
 * shared file"): `USA` everyone who may read the shared file (the usager themself and the support
 * team), `EQU` the support team: the active référent, the team's active members (CONTRIBUTEUR or
 * LECTEUR) and the Département's agents; `REF` the active référent only. A former référent or a
 * former team member reads nothing. Decided here, at the source, from the gateway's signed
 * context and the Département's own file, whatever the gateway let through: an anonymous
 * context, or one whose purpose allows none of these roles, reads no note.
 */
export function audiencesLisibles(b: Beneficiaire, appel: AppelPasserelle, codec: UsagerIdCodec): ReadonlySet<CodeAudience> {
  const { caller, finalite } = appel;
  if (caller === null || finalite === null) return new Set();
  const q = qualiteDe(appel, b);
  const equipe = q.referentActif || q.membre !== null || q.agentDepartement;
  const estLUsager = activeRoles(caller, finalite).includes('usager') && caller.usagerId !== null && codec.decode(caller.usagerId) === b.nir;
  const lisibles = new Set<CodeAudience>();
  if (equipe || estLUsager) lisibles.add('USA');
  if (equipe) lisibles.add('EQU');
  if (q.referentActif) lisibles.add('REF');
  return lisibles;
}

/** The notes of the file the caller may read, oldest first; the others are simply absent (no error, no count). */
export function notesVisibles(b: Beneficiaire, appel: AppelPasserelle, codec: UsagerIdCodec): Beneficiaire['notes'] {
  const lisibles = audiencesLisibles(b, appel, codec);
  return b.notes.filter((n) => lisibles.has(n.cd_audience));
}
