import { activeRoles, checkNir, computeNirKey, type Caller, type Finalite } from '@passerelle/subgraph-kit';
import {
  BREAK,
  GraphQLError,
  Kind,
  OperationTypeNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type StringValueNode,
  type ValueNode,
} from 'graphql';
import { placeholderAlias } from '../authorization/authorizeOperation';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import type { RequestSecurity } from '../pipeline/RequestSecurity';
import type { AccessFacts, AccessFactsScope } from './accessFacts';
import { injectedUsagerAlias, usagerCarrierTypes, usagerIdAlias } from './injectUsagerIds';
import { maySeeUsager, objectionApplies, relationDecides, teamOnly } from './rowPolicy';
import { walkResult, type VisitedObject } from './walkResult';

export interface RowGuardDeps {
  schema: GraphQLSchema;
  /** Who the partners are and which Usager fields carry their data: read from the supergraph in use. */
  registry: PartnerRegistry;
  /** Access facts of these NIRs, as much as `scope` needs, in one call; throws when they cannot be known (the guard then denies). */
  fetchFacts(nirs: readonly string[], scope: AccessFactsScope): Promise<Map<string, AccessFacts>>;
  /** The subgraph answering the access facts (the shared file's), from the supergraph; null: none. */
  factsSubgraph: string | null;
  /** The `Usager` fields a support-team member reads (teamReadableFields.ts). */
  teamReadable: ReadonlySet<string>;
  /**
   * Schema coordinate → subgraphs answering it (the supergraph's). With it, a query whose root
   * fields naming usagers are all `usager`/`usagers` answered by agency infrastructure (a
   * subgraph speaking for no partner a usager may object to: the identity register) runs while the access facts
   * are fetched, instead of after (see `before`). Without it, every decision waits for the facts.
   */
  owners?: ReadonlyMap<string, readonly string[]>;
}

export interface GuardedOperation {
  document: DocumentNode;
  variables: Record<string, unknown>;
  /** Refusals decided before execution, added to the answer. */
  errors: GraphQLError[];
  /** Response keys of the root fields removed: they are answered `null`. */
  removedKeys: string[];
  /**
   * Root fields (or elements of `usagers`) naming a usager, run before the facts were known:
   * `after` refuses, at that path, each the caller may not see. Nothing of theirs reaches a
   * partner meanwhile: every `_entities` fetch waits for the facts in the entity guard.
   */
  deferred?: Array<{ path: Array<string | number>; nir: string }>;
}

/** A well-formed NIR no register holds (born abroad, country 999): usagers(ids:) answers null for it, without error. */
const sentinelNir = (() => {
  const first13 = '1000199999999';
  return first13 + computeNirKey(first13);
})();

const refused = (path: Array<string | number>) => new GraphQLError('Not authorized to read this usager.', { path, extensions: { code: 'ACCES_REFUSE' } });

function stringsOf(value: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!value) return undefined;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.LIST) return value.values.map((v) => stringsOf(v, variables));
  return undefined;
}
const argument = (field: FieldNode, name: string): ArgumentNode | undefined => field.arguments?.find((a) => a.name.value === name);

/**
 * The objects of an answer the guard looks at: usagers, search results (a refused usager's is
 * dropped from its list) and the objects the gateway made name their usager (the injected alias
 * comes out of them). Worked out once per schema: the guard is built per request.
 */
const guardedTypesOf = new WeakMap<GraphQLSchema, ReadonlySet<string>>();
function guardedTypes(schema: GraphQLSchema): ReadonlySet<string> {
  let types = guardedTypesOf.get(schema);
  if (types === undefined) {
    types = new Set(['Usager', 'CandidatUsager', ...usagerCarrierTypes(schema)]);
    guardedTypesOf.set(schema, types);
  }
  return types;
}

/**
 * Row authorization at the gateway: who may see which usager, and the usagers' objections.
 * Before execution it refuses root fields naming a usager the caller may not see (nothing is
 * fetched for them); after, it removes anything that still reached the answer (search results,
 * payloads) and hides the data of partners a usager objected to.
 */
export function createRowGuard(deps: RowGuardDeps): RowGuard {
  return new RowGuard(deps);
}

/**
 * The row guard of one request (createRowGuard). Its steps are methods, not closures made per
 * request: a function object that lives as long as the process keeps the machine code V8
 * optimized it into, where one made per request loses it at each full collection and is compiled
 * again (docs/performance.md, "Functions that stay optimized").
 */
export class RowGuard {
  /** Per shape of the answer, whether an objection could hide one of its fields from this caller (objectionsMayHide). */
  private readonly hideable = new WeakMap<ReadonlyMap<string, string>, boolean>();

  constructor(private readonly deps: RowGuardDeps) {}

  /** Fetches the facts of these NIRs not known yet, into the request; parallel fetches of one plan share one call per usager. */
  private async factsFor(nirs: Iterable<string>, request: RequestSecurity, caller: Caller, finalite: Finalite): Promise<void> {
    // A usager reading as themself needs no facts: they see only themself, and their own
    // objections do not apply to them. Every other role needs the référent and the objections.
    if (activeRoles(caller, finalite).every((role) => role === 'usager')) return;
    const cache = request.facts;
    const pending = request.pendingFacts;
    const wanted = [...new Set(nirs)].filter((nir) => !cache.has(nir));
    const missing = wanted.filter((nir) => !pending.has(nir));
    if (missing.length > 0) {
      // The référent and the team only for a référent's decisions (rowPolicy.ts); the objections for everyone.
      const scope: AccessFactsScope = activeRoles(caller, finalite).includes('referent') ? 'complete' : 'oppositions';
      const call = this.deps.fetchFacts(missing, scope).then(
        (facts) => {
          for (const nir of missing) {
            const found = facts.get(nir);
            if (found) cache.set(nir, found);
          }
        },
        () => {
          // Unknown facts deny (maySeeUsager gets undefined) for roles that need them; objections
          // cannot be checked either, so every partner's data is withheld.
          for (const nir of missing) cache.set(nir, { referentId: null, oppositions: [...this.deps.registry.opposables], equipe: [] });
        },
      );
      for (const nir of missing) pending.set(nir, call);
    }
    await Promise.all(wanted.flatMap((nir) => pending.get(nir) ?? []));
  }

  /** Decides the root fields that name usagers; returns the document and variables to execute. */
  async before(input: { document: DocumentNode; operationName: string | null | undefined; variables: Record<string, unknown>; request: RequestSecurity }): Promise<GuardedOperation> {
    const { request } = input;
    const { caller, finalite } = authenticated(request);
    const cache = request.facts;
    const nirOfId = (id: unknown) => request.nirOfId(id);
    const sentinelId = request.idOfNir(sentinelNir);
    const variables = { ...input.variables };
    const errors: GraphQLError[] = [];
    const operation = input.document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!input.operationName || d.name?.value === input.operationName));
    if (!operation) return { document: input.document, variables, errors, removedKeys: [] };
    const callerNir = nirOfId(caller.usagerId);
    const roots = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);

    const named = new Map<FieldNode, string[]>();
    for (const field of roots) {
      const name = field.name.value;
      const raw =
        name === 'usager'
          ? [stringsOf(argument(field, 'id')?.value, variables)]
          : name === 'usagers'
            ? ((stringsOf(argument(field, 'ids')?.value, variables) as unknown[] | undefined) ?? [])
            : name === 'usagerParNir'
              ? [stringsOf(argument(field, 'nir')?.value, variables)]
              : argument(field, 'usagerId')
                ? [stringsOf(argument(field, 'usagerId')?.value, variables)]
                : [];
      const nirs = raw.map((value) => (name === 'usagerParNir' ? (typeof value === 'string' && checkNir(value).valide ? (checkNir(value) as { nir: string }).nir : null) : nirOfId(value)));
      named.set(
        field,
        nirs.filter((n): n is string => n !== null),
      );
    }
    // Every usager an operation names is in its audit record, refused or not: an attempt is a trace too.
    for (const nir of [...named.values()].flat()) request.reach(nir);
    const defer =
      operation.operation === OperationTypeNode.QUERY && this.needsFacts(caller, finalite) && [...named].every(([field, nirs]) => nirs.length === 0 || this.answeredByInfrastructure(field));
    // When no decision of this request can read the facts (none of the caller's depends on who
    // follows whom, and the operation selects only Usager fields the agency itself answers, which
    // no objection withholds), the Département is not asked about these people at all.
    const namedNirs = [...named.values()].flat();
    const unread = namedNirs.length === 0 || (!relationDecides(caller, finalite) && this.selectsOnlyAgencyFields(input.document));
    const facts = unread ? Promise.resolve() : this.factsFor(namedNirs, request, caller, finalite);
    // Deferred: the identity register's fetch overlaps the Département's round trip for the facts.
    if (defer) void facts.catch(() => undefined);
    else await facts;
    const deferred: Array<{ path: Array<string | number>; nir: string }> = [];
    const may = (nir: string) => maySeeUsager(caller, finalite, nir === callerNir, cache.get(nir));

    const removed = new Set<FieldNode>();
    const rewritten = new Map<FieldNode, FieldNode>();
    for (const field of roots) {
      const key = field.alias?.value ?? field.name.value;
      if (field.name.value === 'monPortefeuille') {
        const referentId = stringsOf(argument(field, 'referentId')?.value, variables);
        const active = activeRoles(caller, finalite);
        const allowed = (active.includes('referent') && referentId === caller.referentId) || (active.includes('agent') && caller.partenaire === 'departement');
        if (!allowed) {
          removed.add(field);
          errors.push(refused([key]));
        }
        continue;
      }
      if (defer && (named.get(field) ?? []).length > 0) {
        const ids = field.name.value === 'usagers' ? stringsOf(argument(field, 'ids')?.value, variables) : undefined;
        if (Array.isArray(ids)) ids.forEach((id: unknown, index) => (nirOfId(id) === null ? undefined : deferred.push({ path: [key, index], nir: nirOfId(id)! })));
        else deferred.push({ path: [key], nir: named.get(field)![0]! });
        continue;
      }
      if (field.name.value === 'usagers') {
        // Per element: a refused id becomes an id no register holds, so nothing is fetched for it.
        const ids = stringsOf(argument(field, 'ids')?.value, variables);
        if (!Array.isArray(ids)) continue;
        const replaced = (ids as unknown[]).map((id, index): unknown => {
          const nir = nirOfId(id);
          if (nir === null || may(nir)) return id;
          errors.push(refused([key, index]));
          return sentinelId;
        });
        const value = argument(field, 'ids')?.value;
        if (value?.kind === Kind.VARIABLE) variables[value.name.value] = replaced;
        else if (value?.kind === Kind.LIST && replaced.some((id, i) => id !== ids[i])) {
          const sentinel: StringValueNode = { kind: Kind.STRING, value: sentinelId };
          const values = value.values.map((item, i) => (replaced[i] === ids[i] ? item : sentinel));
          rewritten.set(field, { ...field, arguments: field.arguments?.map((a) => (a.name.value === 'ids' ? { ...a, value: { ...value, values } } : a)) });
        }
        continue;
      }
      if ((named.get(field) ?? []).some((nir) => !may(nir))) {
        removed.add(field);
        errors.push(refused([key]));
      }
    }
    if (removed.size === 0 && rewritten.size === 0) return { document: input.document, variables, errors, removedKeys: [], deferred };
    const kept = operation.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && removed.has(s))).map((s) => (s.kind === Kind.FIELD ? (rewritten.get(s) ?? s) : s));
    // An operation left empty keeps the same aliased __typename as field authorization's, removed from the answer.
    const selections = kept.length > 0 ? kept : [{ kind: Kind.FIELD, alias: { kind: Kind.NAME, value: placeholderAlias }, name: { kind: Kind.NAME, value: '__typename' } } as FieldNode];
    const document: DocumentNode = {
      ...input.document,
      definitions: input.document.definitions.map((d) => (d === operation ? { ...operation, selectionSet: { ...operation.selectionSet, selections } } : d)),
    };
    return { document, variables, errors, removedKeys: [...removed].map((f) => f.alias?.value ?? f.name.value), deferred };
  }

  /**
   * Whether an objection could hide one of these Usager fields from this caller: the summary (any
   * objection withholds it), or a partner's data unless the caller is that partner's agent. Once
   * per shape of the answer (walkResult.ts: the usagers of a list share one); the guard is built
   * per request, so per caller too. Not knowing whether the usager is the caller answers
   * conservatively (as if not).
   */
  private objectionsMayHide(fields: ReadonlyMap<string, string>, caller: Caller, finalite: Finalite): boolean {
    let known = this.hideable.get(fields);
    if (known === undefined) {
      known = [...fields.values()].some((field) => {
        if (field === 'synthese') return true;
        const partner = this.deps.registry.partnerOfUsagerField(field);
        return partner !== null && objectionApplies(caller, finalite, false, partner.code);
      });
      this.hideable.set(fields, known);
    }
    return known;
  }

  /**
   * Whether every Usager field the document selects (fragments and nested usagers included) is
   * the agency's own: readable by a support-team member (no partner's data, nothing computed from
   * it) and answered only by subgraphs that speak for no partner (the identity register, the
   * reception network). Without the supergraph's owners, no.
   */
  private selectsOnlyAgencyFields(document: DocumentNode): boolean {
    const { owners, schema, teamReadable, registry } = this.deps;
    if (owners === undefined) return false;
    let only = true;
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          if (typeInfo.getParentType()?.name !== 'Usager' || node.name.value === '__typename') return undefined;
          const answering = owners.get(`Usager.${node.name.value}`) ?? [];
          const agencyOwn = teamReadable.has(node.name.value) && answering.length > 0 && answering.every((owner) => registry.partnerOfSubgraph(owner) === null);
          if (agencyOwn) return undefined;
          only = false;
          return BREAK;
        },
      }),
    );
    return only;
  }

  /** Whether the caller's decisions need the access facts (a usager reading as themself does not). */
  private needsFacts(caller: Caller, finalite: Finalite): boolean {
    return !activeRoles(caller, finalite).every((role) => role === 'usager');
  }

  /** `usager` / `usagers` answered only by subgraphs of agency infrastructure (partners declared not opposable). */
  private answeredByInfrastructure(field: FieldNode): boolean {
    if (field.name.value !== 'usager' && field.name.value !== 'usagers') return false;
    const owners = this.deps.owners?.get(`Query.${field.name.value}`) ?? [];
    // Infrastructure: a subgraph that speaks for no partner (the registry has none for the identity
    // register) or for one no usager may object to. Comparing `opposable` with false alone took the
    // first for a partner's: no query ever overlapped the facts with the identity lookup.
    return owners.length > 0 && owners.every((owner) => this.deps.registry.partnerOfSubgraph(owner)?.opposable !== true);
  }

  /** Guards the answer: removes usagers the caller may not see, hides objected partners' data, drops the injected ids. */
  async after(input: {
    document: DocumentNode;
    operationName: string | null | undefined;
    data: Record<string, unknown> | null | undefined;
    request: RequestSecurity;
    /** `before`'s deferred decisions. */
    deferred?: ReadonlyArray<{ path: Array<string | number>; nir: string }>;
  }): Promise<GraphQLError[]> {
    const { request, data } = input;
    const { caller, finalite } = authenticated(request);
    const cache = request.facts;
    const visited: VisitedObject[] = [];
    walkResult(this.deps.schema, input.document, input.operationName, data, guardedTypes(this.deps.schema), (v) => visited.push(v));
    const usagers = visited.filter((v) => v.typeName === 'Usager');
    const nirOf = new Map(usagers.map((v) => [v, request.nirOfId(v.object[usagerIdAlias])]));
    const deferred = input.deferred ?? [];
    // The facts are awaited only when a decision below reads them: a référent's (who they follow),
    // or an answer holding a partner's data or the summary (the objections). A reception agent's
    // identity search reads neither, and does not wait for the Département's round trip.
    if (relationDecides(caller, finalite) || usagers.some((v) => this.objectionsMayHide(v.fields, caller, finalite))) {
      await this.factsFor(
        [...nirOf.values(), ...deferred.map((d) => d.nir)].filter((n): n is string => n !== null),
        request,
        caller,
        finalite,
      );
    }
    const callerNir = request.nirOfId(caller.usagerId);
    const errors: GraphQLError[] = [];
    const dropped = new Set<Record<string, unknown>>();
    const nulled: Array<Array<string | number>> = [];
    // A root field run before the facts were known, naming a usager the caller may not see: null
    // with ACCES_REFUSE, whatever came back (found or not), as if refused before execution.
    for (const { path, nir } of deferred) {
      if (maySeeUsager(caller, finalite, nir === callerNir, cache.get(nir))) continue;
      setAt(data, path, null);
      nulled.push(path);
      errors.push(refused(path));
    }

    for (const v of usagers) {
      const nir = nirOf.get(v)!;
      delete v.object[usagerIdAlias];
      if (isUnder(nulled, v.path)) continue;
      const isSelf = nir !== null && nir === callerNir;
      // The usager the gateway added to an object naming one (injectUsagerIds.ts) stands for that object.
      const injected = v.path[v.path.length - 1] === injectedUsagerAlias;
      if (nir === null || !maySeeUsager(caller, finalite, isSelf, cache.get(nir))) {
        // A search result the caller may not see is not there for them (no error: it would tell
        // that someone matched); elsewhere the usager becomes null with ACCES_REFUSE.
        const parent = visited.find((p) => p.typeName === 'CandidatUsager' && p.path.length === v.path.length - 1 && p.path.every((part, i) => part === v.path[i]));
        if (parent) dropped.add(parent.object);
        else {
          const path = injected ? v.path.slice(0, -1) : v.path;
          setAt(data, path, null);
          nulled.push(path);
          errors.push(refused(path));
        }
        continue;
      }
      // Reached: a search result, a caseload entry, a mutation's payload, a referral are consultations too.
      request.reach(nir);
      if (injected) continue;
      if (teamOnly(caller, finalite, isSelf, cache.get(nir))) {
        // A support-team member reads the shared file, not partners' data (nor what is computed from it).
        for (const [key, field] of v.fields) {
          // Null too: the entity guard kept the partner from being asked, and the error says why.
          if (this.deps.teamReadable.has(field) || field === '__typename' || v.object[key] === undefined) continue;
          v.object[key] = null;
          nulled.push([...v.path, key]);
          errors.push(
            new GraphQLError('A member of the support team reads the shared file; partners’ data is for the usager’s active référent.', {
              path: [...v.path, key],
              extensions: { code: 'ACCES_REFUSE' },
            }),
          );
        }
        continue;
      }
      const objected = (cache.get(nir)?.oppositions ?? []).filter((p) => objectionApplies(caller, finalite, isSelf, p));
      if (objected.length === 0) continue;
      for (const [key, field] of v.fields) {
        const owner = this.deps.registry.partnerOfUsagerField(field)?.code;
        const partner = objected.find((p) => p === owner);
        const synthese = field === 'synthese';
        if ((!partner && !synthese) || v.object[key] === undefined) continue;
        v.object[key] = null;
        nulled.push([...v.path, key]);
        errors.push(
          new GraphQLError(partner ? 'The usager objected to this partner’s data being shared.' : 'The summary is withheld: the usager objected to a partner’s data being shared.', {
            path: [...v.path, key],
            extensions: { code: 'OPPOSITION_PARTAGE', ...(partner ? { partenaire: partner } : {}) },
          }),
        );
      }
    }
    for (const v of visited) {
      if (injectedUsagerAlias in v.object) delete v.object[injectedUsagerAlias];
      // Search results dropped above are taken out of the lists holding them; most answers drop none.
      if (!dropped.has(v.object) || v.holder === null) continue;
      const list = v.holder.object[v.holder.key];
      if (Array.isArray(list)) v.holder.object[v.holder.key] = list.filter((item) => !dropped.has(item as Record<string, unknown>));
    }
    return errors;
  }

  /**
   * The entity guard: of these usagers, about to be sent to a subgraph, those it must not be
   * asked about — usagers the caller may not see, and usagers who objected to the partner the
   * subgraph speaks for (unless the caller is the usager or that partner's agent), and, for a
   * caller who sees the usager only as a member of their support team, every partner's subgraph
   * but the shared file's and the agency's own; a usager the gateway cannot identify is withheld
   * from any partner's subgraph. One facts call for all of them, shared with the rest of the request.
   */
  async withheld(subgraph: string, nirs: ReadonlyArray<string | null>, request: RequestSecurity): Promise<boolean[]> {
    const { caller, finalite } = authenticated(request);
    const partner = this.deps.registry.partnerOfSubgraph(subgraph);
    const known = nirs.filter((nir): nir is string => nir !== null);
    // A subgraph speaking for no partner (the identity register, the reception network), or for
    // the caller's own partner (an agent of it), is withheld nothing for an objection: without a
    // référent's decision, it needs no facts.
    if (relationDecides(caller, finalite) || (partner !== null && objectionApplies(caller, finalite, false, partner.code))) await this.factsFor(known, request, caller, finalite);
    const callerNir = request.nirOfId(caller.usagerId);
    return nirs.map((nir) => {
      if (nir === null) return partner !== null;
      const isSelf = nir === callerNir;
      const facts = request.facts.get(nir);
      if (!maySeeUsager(caller, finalite, isSelf, facts)) return true;
      if (partner !== null && partner.opposable && subgraph !== this.deps.factsSubgraph && teamOnly(caller, finalite, isSelf, facts)) return true;
      return partner !== null && (request.facts.get(nir)?.oppositions ?? []).includes(partner.code) && objectionApplies(caller, finalite, isSelf, partner.code);
    });
  }
}

/** Row authorization runs for authenticated operations only; the pipeline does not call it otherwise. */
function authenticated(request: RequestSecurity): { caller: Caller; finalite: Finalite } {
  if (request.caller === null || request.finalite === null) throw new Error('row authorization needs a caller and a checked purpose');
  return { caller: request.caller, finalite: request.finalite };
}

/** Whether `path` is `nulled`'s or lies under one of them. */
function isUnder(nulled: ReadonlyArray<ReadonlyArray<string | number>>, path: ReadonlyArray<string | number>): boolean {
  for (const prefix of nulled) {
    if (prefix.length > path.length) continue;
    let i = 0;
    while (i < prefix.length && prefix[i] === path[i]) i += 1;
    if (i === prefix.length) return true;
  }
  return false;
}

function setAt(data: Record<string, unknown> | null | undefined, path: Array<string | number>, value: unknown): void {
  let target: unknown = data;
  for (const part of path.slice(0, -1)) target = (target as Record<string | number, unknown> | null)?.[part];
  if (target && typeof target === 'object') (target as Record<string | number, unknown>)[path[path.length - 1]!] = value;
}
