import { defaultWriterId } from '../audit/postgres/defaultWriterId';

/** Longest writer id (config.ts, AUDIT_WRITER_ID). */
const maxWriterIdLength = 128;

/**
 * The PostgreSQL chain of worker `slot` (AUDIT_SINK=postgres, GATEWAY_WORKERS > 1): the process's
 * writer id (AUDIT_WRITER_ID, or `<host>:<primary's pid>`) and `:w<slot>`. A worker started again
 * in the same slot resumes its chain; two workers never share one (the advisory lock would refuse it).
 */
export function workerWriterId(base: string, slot: number, primaryPid: number): string {
  const id = `${base === '' ? defaultWriterId(primaryPid) : base}:w${slot}`;
  if (id.length > maxWriterIdLength) throw new RangeError(`AUDIT_WRITER_ID is too long for ${slot} workers: with the suffix :w${slot} it must stay within ${maxWriterIdLength} characters.`);
  return id;
}
