import { finalites, roles, type Finalite, type Role } from '@passerelle/subgraph-kit';
import { auditIssues, type AuditCroisement, type AuditIssue, type AuditRecord } from './AuditRecord';

/** Anything shaped like a NIR (15 digits, `2A`/`2B` for Corsica, optional spaces), wherever it sits in a string. */
const nirLike = /(?<!\d)[12378]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}\s?\d{2}(?!\d)/i;
const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const opaqueId = /^[A-Za-z0-9_-]{1,200}$/;
const traceId = /^[A-Za-z0-9._:-]{1,128}$/;
const graphQLName = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;
const subgraphName = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const coordinate = /^[_A-Za-z][_0-9A-Za-z]*\.[_A-Za-z][_0-9A-Za-z]*$/;
const sha256Hex = /^[0-9a-f]{64}$/;
// Printable, no control characters: these are ids and organisation codes, not free text.
const printable = /^[^\p{Cc}\p{Cf}]{1,256}$/u;

function fail(field: string, expected: string): never {
  // The value is never echoed: it is exactly what must not end up in a log.
  throw new TypeError(`Invalid audit record: ${field}: expected ${expected}`);
}

function text(value: unknown, field: string, pattern: RegExp, expected: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) fail(field, expected);
  // Not on hex digests: one in a few hundred holds 15 digits in a row by chance.
  if (pattern !== sha256Hex && nirLike.test(value)) fail(field, `${expected}, never a NIR`);
  return value;
}

function sortedUnique(values: unknown, field: string, pattern: RegExp, expected: string): string[] {
  if (!Array.isArray(values)) fail(field, `an array of ${expected}`);
  // A loop, not a callback made per call: it runs for every record (docs/performance.md, "Functions that stay optimized").
  const items = new Set<string>();
  for (let index = 0; index < values.length; index += 1) items.add(text(values[index], `${field}[${index}]`, pattern, expected));
  return [...items].sort();
}

const crossingName = /^[A-Z][A-Z0-9_]{0,63}$/;
const month = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A crossing's trace: codes, a month, subgraph names and a published count (11 or more) or a reason; nothing else. */
function croisements(values: unknown): AuditCroisement[] {
  if (!Array.isArray(values)) fail('croisements', 'an array of crossings');
  return values.map((value: unknown, index) => {
    const field = `croisements[${index}]`;
    if (typeof value !== 'object' || value === null) fail(field, 'a crossing');
    const c = value as Record<string, unknown>;
    const effectif = c.effectif;
    const secret = c.secret === null ? null : text(c.secret, `${field}.secret`, crossingName, 'a reason of secrecy or null');
    if (effectif !== null && (typeof effectif !== 'number' || !Number.isSafeInteger(effectif) || effectif < 11 || secret !== null))
      fail(`${field}.effectif`, 'a published count (11 or more) without a reason, or null');
    if (effectif === null && secret === null) fail(`${field}.secret`, 'a reason when the count is null');
    return {
      nom: text(c.nom, `${field}.nom`, crossingName, "a crossing's name"),
      mois: text(c.mois, `${field}.mois`, month, 'a month YYYY-MM'),
      partenaires: sortedUnique(c.partenaires, `${field}.partenaires`, subgraphName, 'partner subgraph names'),
      effectif,
      secret,
    };
  });
}

/**
 * Checks a record and returns the copy the journal writes: only the fields of `AuditRecord`
 * (anything else, such as variables, is dropped), sets sorted and deduplicated, keys in a
 * fixed order. Throws a TypeError naming the field (never its value) when a field is
 * malformed or holds something shaped like a NIR.
 */
export function normalizeAuditRecord(input: AuditRecord): AuditRecord {
  const record = input as unknown as Record<string, unknown>;
  if (typeof record !== 'object' || record === null) fail('record', 'an object');
  const time = text(record.time, 'time', isoUtc, 'an ISO 8601 UTC time');
  if (Number.isNaN(Date.parse(time))) fail('time', 'an ISO 8601 UTC time');
  const finalite = record.finalite;
  if (typeof finalite !== 'string' || !(finalites as readonly string[]).includes(finalite)) fail('finalite', `one of ${finalites.join(', ')}`);
  const issue = record.issue;
  if (typeof issue !== 'string' || !(auditIssues as readonly string[]).includes(issue)) fail('issue', `one of ${auditIssues.join(', ')}`);
  const activeRoles = sortedUnique(record.roles, 'roles', /^[a-z]+$/, 'a role');
  activeRoles.forEach((role, index) => {
    if (!(roles as readonly string[]).includes(role)) fail(`roles[${index}]`, `one of ${roles.join(', ')}`);
  });
  const lectures = record.lectures;
  if (typeof lectures !== 'object' || lectures === null || Array.isArray(lectures)) fail('lectures', 'an object of partner → coordinates');
  const normalizedLectures: Record<string, string[]> = {};
  for (const partner of Object.keys(lectures).sort()) {
    text(partner, 'lectures', subgraphName, 'partner subgraph names as keys');
    const read = sortedUnique((lectures as Record<string, unknown>)[partner], `lectures.${partner}`, coordinate, 'schema coordinates (Type.field)');
    if (read.length > 0) normalizedLectures[partner] = read;
  }
  return {
    time,
    traceId: text(record.traceId, 'traceId', traceId, 'a request id'),
    agent: text(record.agent, 'agent', printable, "the caller's opaque subject"),
    organisation: text(record.organisation, 'organisation', printable, 'an organisation code'),
    roles: activeRoles as Role[],
    finalite: finalite as Finalite,
    operationName: record.operationName === null ? null : text(record.operationName, 'operationName', graphQLName, 'a GraphQL name or null'),
    operationHash: text(record.operationHash, 'operationHash', sha256Hex, 'a sha256 hex digest'),
    usagers: sortedUnique(record.usagers, 'usagers', opaqueId, 'opaque usager ids'),
    lectures: normalizedLectures,
    refus: sortedUnique(record.refus, 'refus', coordinate, 'schema coordinates (Type.field)'),
    issue: issue as AuditIssue,
    // Only when present: records without crossings hash exactly as before.
    ...(record.croisements === undefined ? {} : { croisements: croisements(record.croisements) }),
  };
}
