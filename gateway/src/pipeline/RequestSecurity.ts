import type { AppelPasserelle, Caller, Finalite, UsagerIdCodec } from '@passerelle/subgraph-kit';
import type { CroisementAudite } from '../crossings/croiser';
import type { AccessFacts } from '../rows/accessFacts';

/**
 * Decides, for one subgraph about to be asked about these usagers (by NIR; null when the gateway
 * cannot tell who it is), which it must not be asked about: one boolean per usager, true = withheld.
 */
export type EntityGuard = (subgraph: string, nirs: ReadonlyArray<string | null>) => Promise<boolean[]>;

/**
 * Everything the gateway knows and decides about one request, in one object: created in
 * server.ts when the request arrives (authentication), completed by the purpose step, read and
 * filled by the pipeline's steps (gateway/src/pipeline/securePipeline.ts) and by the data
 * sources before each fetch. It is Apollo's context value; no step reads request state from
 * anywhere else, and nothing in it outlives the request.
 */
export class RequestSecurity {
  readonly requestId: string;
  /** null: no token was given (only public fields may then be read). */
  readonly caller: Caller | null;
  private declared: Finalite | null = null;
  private purposeChecked = false;
  /** Access facts (référent, objections) by NIR, fetched once per usager per request. */
  readonly facts = new Map<string, AccessFacts>();
  /** Facts being fetched, so that parallel fetches of one plan share one call per usager. */
  readonly pendingFacts = new Map<string, Promise<void>>();
  /** Opaque ids of every usager the operation reached (named, listed, returned): the audit records them. */
  readonly reached = new Set<string>();
  /** Crossings counted for this operation (gateway/src/crossings): the audit records them, never a pseudonym. */
  readonly croisements: CroisementAudite[] = [];
  /** Set by the entity-guard step; read by each data source before its fetch. */
  entityGuard: EntityGuard | null = null;
  private readonly codec: UsagerIdCodec;
  /** Pivot identities seen in this request's fetches, with the NIR of their usager: landlords are asked by pivot, never by NIR. */
  private readonly pivots: Array<{ pivot: Record<string, unknown>; nir: string }> = [];
  private readonly pivotNirs = new Set<string>();
  /** Field names (joined) → values of those fields (pivotValuesOf) → NIRs of the pivots remembered with them. */
  private readonly pivotIndex = new Map<string, { keys: readonly string[]; byValues: Map<string, string[]> }>();
  private lastPivotIndex: { keys: readonly string[]; byValues: Map<string, string[]> } | null = null;
  /**
   * Ids decoded and NIRs encoded in this request, both ways: the row guard (before, after, the
   * entity guard) and the audit meet the same usagers several times, and each decryption or
   * sealing is an AES-GCM operation. Per request, like everything here.
   */
  private readonly nirById = new Map<string, string | null>();
  private readonly idByNir = new Map<string, string>();
  /** Contexts signed for this request, by subgraph, with the second they were signed in. */
  private readonly contexts = new Map<string, { second: number; token: Promise<string> }>();
  /** The subgraphs the plan may fetch more than once (fetch/subgraphsAskedAgain.ts), once Apollo resolved it; null before. */
  private askedAgain: ReadonlySet<string> | null = null;
  /** The subgraphs asked for this query's access facts: their answers may serve the plan's fetches there. */
  private readonly factsFrom = new Set<string>();

  constructor(input: { requestId: string; caller: Caller | null; codec: UsagerIdCodec }) {
    this.requestId = input.requestId;
    this.caller = input.caller;
    this.codec = input.codec;
  }

  /** The purpose the operation declared, once the purpose step checked it; null before, or for an anonymous caller without one. */
  get finalite(): Finalite | null {
    return this.declared;
  }

  /** The purpose step's decision; set once per request. */
  declarePurpose(finalite: Finalite | null): void {
    if (this.purposeChecked && finalite !== this.declared) throw new Error('The purpose of a request is decided once.');
    this.purposeChecked = true;
    this.declared = finalite;
  }

  /** What the gateway tells a subgraph about this request, in the context it signs for it. */
  appel(): AppelPasserelle {
    return { requestId: this.requestId, caller: this.caller, finalite: this.declared };
  }

  /**
   * The context signed for this request and this subgraph (`audience`): signed once per second at
   * most. Within a second the claims (request id, caller, purpose, audience, `iat`, `exp`) are the
   * same, so a plan asking one subgraph several times (the Département: facts, then its fields,
   * then the summary) reuses the signature instead of an ECDSA operation per fetch.
   */
  signedContext(audience: string, sign: () => Promise<string>): Promise<string> {
    const second = Math.floor(Date.now() / 1000);
    const known = this.contexts.get(audience);
    if (known !== undefined && known.second === second) return known.token;
    const token = sign();
    this.contexts.set(audience, { second, token });
    token.catch(() => this.contexts.delete(audience));
    return token;
  }

  /** The plan Apollo resolved for this request: which subgraphs it may fetch more than once. */
  planned(askedAgain: ReadonlySet<string>): void {
    this.askedAgain = askedAgain;
  }

  /** This query's access facts are asked of `subgraph`, its reads marked to serve the request's later fetches. */
  askedForFacts(subgraph: string): void {
    this.factsFrom.add(subgraph);
  }

  /**
   * Whether a query's fetch to `subgraph` should let its legacy reads serve this request's later
   * fetches there (`x-passerelle-lecture`, the kit's "one request's reads"): when the plan may ask
   * it again, or the access facts were asked of it, or the plan is not known. Otherwise the
   * subgraph would keep every answer of the fetch until its deadline for nothing: on a 50-usager
   * list, some fifty answers per fetch in the État's and the landlords' subgraphs (docs/configuration.md,
   * "One request's reads").
   */
  readsServeLaterFetches(subgraph: string): boolean {
    return this.askedAgain === null || this.askedAgain.has(subgraph) || this.factsFrom.has(subgraph);
  }

  nirOfId(id: unknown): string | null {
    if (typeof id !== 'string') return null;
    let nir = this.nirById.get(id);
    if (nir === undefined) {
      const decoded = this.codec.decodeIssued(id);
      nir = decoded?.nir ?? null;
      this.nirById.set(id, nir);
      // The other way only for the very id the codec issues for that NIR: an id given by a client
      // may be another spelling of the same bytes (base64url's unused bits), and the audit records
      // the id the gateway itself issues. Saves sealing the NIR again (AES-GCM) when it is reached.
      if (decoded?.issued === true && !this.idByNir.has(decoded.nir)) this.idByNir.set(decoded.nir, id);
    }
    return nir;
  }

  idOfNir(nir: string): string {
    let id = this.idByNir.get(nir);
    if (id === undefined) {
      id = this.codec.encode(nir);
      this.idByNir.set(nir, id);
      this.nirById.set(id, nir);
    }
    return id;
  }

  /** Records that the operation reached this usager (by NIR), for the audit. */
  reach(nir: string): void {
    this.reached.add(this.idOfNir(nir));
  }

  rememberPivot(pivot: Record<string, unknown>, nir: string): void {
    if (this.pivotNirs.has(nir)) return;
    this.pivotNirs.add(nir);
    this.pivots.push({ pivot, nir });
    for (const { keys, byValues } of this.pivotIndex.values()) addToPivotIndex(byValues, keys, pivot, nir);
  }

  /** The NIR of a usager known in this request by its pivot identity (compared on the fields given), or null. */
  nirOfPivot(pivot: Record<string, unknown>): string | null {
    // The pivots remembered, indexed by the values of these fields (JSON, as compared before):
    // a fetch of 50 representations looks each up instead of comparing it with every pivot. The
    // representations of one fetch have the same fields: the last index serves while they match.
    let index = this.lastPivotIndex !== null && hasExactlyKeys(pivot, this.lastPivotIndex.keys) ? this.lastPivotIndex : undefined;
    if (index === undefined) {
      const keys = Object.keys(pivot);
      const signature = keys.join('\u0000');
      index = this.pivotIndex.get(signature);
      if (index === undefined) {
        index = { keys, byValues: new Map() };
        for (const known of this.pivots) addToPivotIndex(index.byValues, keys, known.pivot, known.nir);
        this.pivotIndex.set(signature, index);
      }
      this.lastPivotIndex = index;
    }
    const found = index.byValues.get(pivotValuesOf(index.keys, pivot)) ?? [];
    // Two usagers with the same pivot identity: the gateway cannot tell which one is asked about.
    return found.length === 1 ? found[0]! : null;
  }
}

/** The object's own enumerable keys are these, in this order (as Object.keys would list them, without the array). */
function hasExactlyKeys(object: Record<string, unknown>, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in object) {
    if (!Object.prototype.hasOwnProperty.call(object, key) || keys[i] !== key) return false;
    i += 1;
  }
  return i === keys.length;
}

/** The values of these fields of a pivot identity, as one key: each as JSON (an absent field as nothing), NUL-separated. */
function pivotValuesOf(keys: readonly string[], pivot: Record<string, unknown>): string {
  return keys.map((key) => JSON.stringify(pivot[key]) ?? '').join('\u0000');
}

function addToPivotIndex(byValues: Map<string, string[]>, keys: readonly string[], pivot: Record<string, unknown>, nir: string): void {
  const values = pivotValuesOf(keys, pivot);
  const nirs = byValues.get(values);
  if (nirs === undefined) byValues.set(values, [nir]);
  else nirs.push(nir);
}

/** The request's security object from Apollo's context; anything else is a programming error, not a default. */
export function securityOf(context: unknown): RequestSecurity {
  if (!(context instanceof RequestSecurity)) throw new Error('The request context is not a RequestSecurity: the gateway was wired wrongly.');
  return context;
}
