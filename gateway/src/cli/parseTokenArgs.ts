import { parseArgs } from 'node:util';
import { roles as knownRoles, type Partenaire, type Role } from '@passerelle/subgraph-kit';
import { organisationPattern, referentIdPattern, subjectPattern, usagerIdPattern } from '../auth/callerFromClaims';
import { UsageError } from './parseAuditCliArgs';

/** What `npm run token` signs: the claims of a development access token and its lifetime. */
export interface TokenRequest {
  roles: readonly Role[];
  partenaire: Partenaire | null;
  referentId: string | null;
  usagerId: string | null;
  organisation: string;
  subject: string;
  ttlSeconds: number;
  help: boolean;
}

/** An agent's organisation by default: the partner's code in capitals and the département's number (`CAF12`, `FRANCE-TRAVAIL12`); a development convention. */
const defaultOrganisationOf = (partenaire: Partenaire): string => `${partenaire.toUpperCase()}12`;

const maxTtlSeconds = 86_400;

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`unknown ${what} ${JSON.stringify(value.slice(0, 40))}; expected one of ${allowed.join(', ')}`);
  return value as T;
}

/** `--flag` must be given exactly when `needed` (e.g. --partner iff --role agent). */
function iff(value: string | undefined, needed: boolean, flag: string, role: string, pattern?: RegExp): string | null {
  if (needed && value === undefined) throw new UsageError(`--role ${role} needs ${flag}`);
  if (!needed && value !== undefined) throw new UsageError(`${flag} is only for --role ${role}`);
  if (value !== undefined && pattern !== undefined && !pattern.test(value)) throw new UsageError(`${flag}: malformed value`);
  return value ?? null;
}

/**
 * Parses `npm run token`'s arguments: `--role` (repeatable, required), `--partner` (iff agent),
 * `--referent ref-NNN` (iff referent), `--usager <opaque id>` (iff usager, alone), `--organisation`
 * (default by role: CD12; the partner's for an agent; `usager`), `--ttl` (s, 1–86400, default 3600),
 * `--sub` (default a stable development account id; a usager's own id), `--help`. Throws a
 * UsageError (exit 2); its message quotes only an unknown role or partner name.
 */
export function parseTokenArgs(args: readonly string[], partners: readonly string[]): TokenRequest {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        role: { type: 'string', multiple: true },
        partner: { type: 'string' },
        referent: { type: 'string' },
        usager: { type: 'string' },
        organisation: { type: 'string' },
        ttl: { type: 'string' },
        sub: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const text = (name: string) => values[name] as string | undefined;
  if (values.help === true) return { roles: [], partenaire: null, referentId: null, usagerId: null, organisation: '', subject: '', ttlSeconds: 3600, help: true };

  const given = (values.role as string[] | undefined) ?? [];
  if (given.length === 0) throw new UsageError(`--role is required (one of ${knownRoles.join(', ')})`);
  const roles = [...new Set(given.map((role) => oneOf(role, knownRoles, 'role')))];
  if (roles.includes('usager') && roles.length > 1) throw new UsageError('--role usager cannot be combined with another role');

  const partner = iff(text('partner'), roles.includes('agent'), '--partner', 'agent');
  const partenaire = partner === null ? null : oneOf(partner, partners, 'partner');
  const referentId = iff(text('referent'), roles.includes('referent'), '--referent', 'referent', referentIdPattern);
  const usagerId = iff(text('usager'), roles.includes('usager'), '--usager', 'usager', usagerIdPattern);

  const ttl = text('ttl') ?? '3600';
  if (!/^\d+$/.test(ttl) || Number(ttl) < 1 || Number(ttl) > maxTtlSeconds) throw new UsageError(`--ttl: expected an integer number of seconds between 1 and ${maxTtlSeconds}`);

  const organisation = text('organisation') ?? (usagerId !== null ? 'usager' : partenaire !== null ? defaultOrganisationOf(partenaire) : 'CD12');
  if (usagerId !== null && organisation !== 'usager') throw new UsageError('--organisation must be usager for --role usager');
  const subject = text('sub') ?? usagerId ?? ['dev', ...roles, partenaire, referentId].filter((part) => part !== null).join('-');
  if (!organisationPattern.test(organisation)) throw new UsageError('--organisation: expected a short code such as CD12 or CAF12');
  if (!subjectPattern.test(subject)) throw new UsageError('--sub: expected 1 to 200 printable characters without spaces');

  return { roles, partenaire, referentId, usagerId, organisation, subject, ttlSeconds: Number(ttl), help: false };
}
