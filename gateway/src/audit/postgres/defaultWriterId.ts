import { hostname } from 'node:os';

/**
 * The writer id of a gateway process without AUDIT_WRITER_ID: `<host>:<pid>`. Unique among the
 * processes alive at once (the advisory lock refuses a clash, e.g. two containers with the same
 * host name); a process restarted with the same pid (pid 1 in a container that restarts) resumes
 * its chain after verifying it, any other restart starts a new chain.
 */
export function defaultWriterId(pid: number = process.pid): string {
  return `${
    hostname()
      .replace(/[^A-Za-z0-9._@-]/g, '-')
      .slice(0, 100) || 'host'
  }:${pid}`;
}
