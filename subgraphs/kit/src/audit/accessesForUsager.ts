import { stat } from 'node:fs/promises';
import type { Finalite, Role } from '../security/caller';
import { parseJournalLine } from './parseJournalLine';
import { readJournalLines } from './readJournalLines';

/** One consultation of a usager's file, as the usager may see it: who (organisation, roles), when, why. Not the agent's id. */
export interface UsagerAccess {
  /** `AuditRecord.time`. */
  date: string;
  organisation: string;
  roles: Role[];
  finalite: Finalite;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/**
 * The consultations of one usager's file (records whose `usagers` holds the id), newest
 * first; backs `monJournalDesAcces`. Every record is listed, refused ones included (an
 * attempt is a consultation); a missing journal gives an empty list, an unreadable line is
 * skipped (`verifyJournal` reports it). Reads the whole file: fine for one gateway's
 * journal of 12 months, an index would be the next step.
 */
export async function accessesForUsager(path: string, usagerId: string): Promise<UsagerAccess[]> {
  const exists = await stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (!exists) return [];
  const found: Array<UsagerAccess & { seq: number }> = [];
  for await (const { text, terminated } of readJournalLines(path)) {
    if (!terminated) continue;
    const parsed = parseJournalLine(text);
    if (!parsed.ok || parsed.line.type !== 'acces') continue;
    const { record, seq } = parsed.line;
    if (!strings(record.usagers).includes(usagerId)) continue;
    if (typeof record.time !== 'string' || typeof record.organisation !== 'string' || typeof record.finalite !== 'string') continue;
    found.push({ date: record.time, organisation: record.organisation, roles: strings(record.roles) as Role[], finalite: record.finalite as Finalite, seq });
  }
  found.sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || b.seq - a.seq);
  return found.map(({ seq: _seq, ...access }) => access);
}
