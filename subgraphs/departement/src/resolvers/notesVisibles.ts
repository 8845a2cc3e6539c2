import { activeRoles, type AppelPasserelle, type UsagerIdCodec } from '@passerelle/subgraph-kit';
import type { Beneficiaire } from '../legacy/types';
import type { audience } from './codesDepartement';

type CodeAudience = keyof typeof audience;

/**
 * Which audiences of a usager's notes the caller may read (docs/security.md, "Notes of the
 * shared file"): `USA` everyone who may read the shared file (the usager themself, their active
 * référent, the Département's agents), `EQU` the professionals of the support team (the active
 * référent and the Département's agents: there is no team membership yet), `REF` the active
 * référent only. Decided here, at the source, from the gateway's signed context and the
 * Département's own file, whatever the gateway let through: an anonymous context, or one whose
 * purpose allows none of these roles, reads no note.
 */
export function audiencesLisibles(b: Beneficiaire, appel: AppelPasserelle, codec: UsagerIdCodec): ReadonlySet<CodeAudience> {
  const { caller, finalite } = appel;
  if (caller === null || finalite === null) return new Set();
  const active = activeRoles(caller, finalite);
  const referentActif = b.referents.find((r) => r.dt_fin === null)?.id_referent ?? null;
  const estReferentActif = active.includes('referent') && referentActif !== null && caller.referentId === referentActif;
  const estAgentDepartement = active.includes('agent') && caller.partenaire === 'departement';
  const estLUsager = active.includes('usager') && caller.usagerId !== null && codec.decode(caller.usagerId) === b.nir;
  const lisibles = new Set<CodeAudience>();
  if (estReferentActif || estAgentDepartement || estLUsager) lisibles.add('USA');
  if (estReferentActif || estAgentDepartement) lisibles.add('EQU');
  if (estReferentActif) lisibles.add('REF');
  return lisibles;
}

/** The notes of the file the caller may read, oldest first; the others are simply absent (no error, no count). */
export function notesVisibles(b: Beneficiaire, appel: AppelPasserelle, codec: UsagerIdCodec): Beneficiaire['notes'] {
  const lisibles = audiencesLisibles(b, appel, codec);
  return b.notes.filter((n) => lisibles.has(n.cd_audience));
}
