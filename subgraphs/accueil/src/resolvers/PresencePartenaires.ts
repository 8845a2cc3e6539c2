/**
 * What the gateway sends with a `Usager` for `presencePartenaires` (its `@requires`): the other
 * subgraphs' fields, each null when that partner does not know the person. A field may be
 * absent when a client sends a representation by hand: absent counts as null.
 */
export interface UsagerRequis {
  caf?: { numeroAllocataire: string } | null;
  msa?: { numeroAdherent: string } | null;
  franceTravail?: { identifiant: string } | null;
  cpam?: { caisse: string } | null;
  carsat?: { trimestresValides: number } | null;
  logementSocial?: { bailleurs: Array<{ rapprochement: { statut: string } } | null> } | null;
  hebergement?: { demandes: Array<{ reference: string }> } | null;
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
}

/** A landlord knows the person when its match is shown (CERTAIN or PROBABLE); an unreachable one leaves it open. */
function connuDesBailleurs(logement: UsagerRequis['logementSocial']): boolean | null {
  if (logement == null) return false;
  if (logement.bailleurs.some((b) => b !== null && (b.rapprochement.statut === 'CERTAIN' || b.rapprochement.statut === 'PROBABLE'))) return true;
  return logement.bailleurs.includes(null) ? null : false;
}

/**
 * One line per partner. Adding one takes: its field `@external` in schema.graphql with a
 * minimal type, the field in `@requires`, one line here and in the type.
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
  };
}
