import type { Finalite, Role } from '@passerelle/subgraph-kit';

/** How an audited operation ended: everything read, part of it refused, or nothing read. */
export const auditIssues = ['ok', 'partiel', 'refuse'] as const;
/** `ok`: everything asked was read; `partiel`: some fields refused; `refuse`: nothing read. */
export type AuditIssue = (typeof auditIssues)[number];

/**
 * One consultation, as the audit journal keeps it (CNIL 2021 logging recommendation: who,
 * when, which file, which kinds of data, why). Only opaque ids, schema coordinates and
 * codes: never a NIR, a name, an address, variable values or the operation's text.
 */
export interface AuditRecord {
  /** When the operation was received, ISO 8601 in UTC (`2025-04-17T09:12:03.123Z`). */
  readonly time: string;
  /** The request id (`GatewayRequestContext.requestId`), also in the logs and the signed context. */
  readonly traceId: string;
  /** The caller's subject (`Caller.subject`): an opaque account id. */
  readonly agent: string;
  /** The caller's organisation (`Caller.organisation`, e.g. "CD12"). */
  readonly organisation: string;
  /** The roles active for this operation (sorted, deduplicated by the journal). */
  readonly roles: readonly Role[];
  /** The purpose the operation declared. */
  readonly finalite: Finalite;
  /** The operation's name as sent by the client, or null for an anonymous operation. */
  readonly operationName: string | null;
  /** sha256 (hex) of the operation document as received (see `hashOperation`): identifies the query without keeping its text. */
  readonly operationHash: string;
  /** Opaque ids of the usagers whose file was touched (sorted, deduplicated by the journal). */
  readonly usagers: readonly string[];
  /** Schema coordinates read (`DossierCaf.quotientFamilial`), by partner subgraph name (`caf`). */
  readonly lectures: Readonly<Record<string, readonly string[]>>;
  /** Schema coordinates the caller asked for and was refused. */
  readonly refus: readonly string[];
  readonly issue: AuditIssue;
  /**
   * Crossings counted (docs/statistics.md, "Crossings"): the crossing's name, the month, the
   * partner subgraphs asked, the count published or why it was suppressed. Never a pseudonym,
   * never a suppressed count. Absent when the operation counted none.
   */
  readonly croisements?: readonly AuditCroisement[];
}

/** One crossing as the journal keeps it. */
export interface AuditCroisement {
  readonly nom: string;
  readonly mois: string;
  readonly partenaires: readonly string[];
  readonly effectif: number | null;
  /** The reason of secrecy (`EFFECTIF_INFERIEUR_AU_SEUIL`), `ECHEC` when a partner failed, or null when published. */
  readonly secret: string | null;
}
