/**
 * What the gateway sends with a `Usager` for `presencePartenaires` (its `@requires`): each
 * partner's file marker `connu` (never its content), the file null when that partner does not
 * know the person, and the landlords' match outcomes. A field may be absent when a client sends
 * a representation by hand: absent counts as null.
 */
export interface UsagerRequis {
  caf?: { connu: boolean } | null;
  msa?: { connu: boolean } | null;
  franceTravail?: { connu: boolean } | null;
  cpam?: { connu: boolean } | null;
  carsat?: { connu: boolean } | null;
  logementSocial?: { bailleurs: Array<{ rapprochement: { statut: string } } | null> } | null;
  hebergement?: { connu: boolean } | null;
  formationProfessionnelle?: { connu: boolean } | null;
  chambresConsulaires?: { connu: boolean } | null;
}

/** The `PresencePartenaires` object: presence only, nothing of what the partners hold. */
export interface PresencePartenaires {
  caf: boolean;
  msa: boolean;
  franceTravail: boolean;
  cpam: boolean;
  carsat: boolean;
  siao: boolean;
  bailleurs: boolean | null;
  region: boolean;
  chambresConsulaires: boolean;
}

/** A landlord knows the person when its match is shown (CERTAIN or PROBABLE); an unreachable one leaves it open. */
function connuDesBailleurs(logement: UsagerRequis['logementSocial']): boolean | null {
  if (logement == null) return false;
  if (logement.bailleurs.some((b) => b !== null && (b.rapprochement.statut === 'CERTAIN' || b.rapprochement.statut === 'PROBABLE'))) return true;
  return logement.bailleurs.includes(null) ? null : false;
}

/**
 * One line per partner. Adding one takes: an `@inaccessible` marker `connu` on the partner's
 * file type (so that presence never reads content, and composition accepts that a reception
 * agent may read presence: see schema/AUTHORIZATION.md), its field `@external` in
 * schema.graphql with a minimal type, the field in `@requires`, one line here and in the type.
 */
export function toPresencePartenaires(u: UsagerRequis): PresencePartenaires {
  return {
    caf: u.caf != null,
    msa: u.msa != null,
    franceTravail: u.franceTravail != null,
    cpam: u.cpam != null,
    carsat: u.carsat != null,
    siao: u.hebergement != null,
    bailleurs: connuDesBailleurs(u.logementSocial),
    region: u.formationProfessionnelle != null,
    chambresConsulaires: u.chambresConsulaires?.connu === true,
  };
}
