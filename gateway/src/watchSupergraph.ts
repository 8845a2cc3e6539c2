import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@passerelle/subgraph-kit';

export interface WatchSupergraphOptions {
  /** The composed supergraph file (schema/supergraph.graphql). */
  path: string;
  logger: Logger;
  /** How often the file's metadata is polled. @default 500 */
  intervalMs?: number;
  /** Quiet time after a change before reading, so a file being written is read once. @default 100 */
  debounceMs?: number;
  /**
   * Turns the file's text into what the planner gets (e.g. security directives read and
   * removed) and returns a `commit` to call once the gateway accepted it; throwing rejects that version.
   */
  transform?: (sdl: string) => { sdl: string; commit: () => void };
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/**
 * ApolloGateway's `supergraphSdl` hook for a static composition: serves the file as it is at
 * start-up (no introspection, so a partner that is down cannot stop the gateway from
 * starting) and hands every later version to the gateway. A version that does not parse or
 * build is logged and ignored: the previous supergraph keeps serving.
 */
export function watchSupergraph({ path, logger, intervalMs = 500, debounceMs = 100, transform = (sdl) => ({ sdl, commit: () => undefined }) }: WatchSupergraphOptions): SupergraphSdlHook {
  // `healthCheck` is not used on purpose: a partner that is down must not block a schema update.
  return async ({ update }) => {
    let current: string;
    try {
      current = await readFile(path, 'utf8');
    } catch (error) {
      throw new Error(`Cannot read the supergraph file ${path} (run \`npm run compose\`): ${reasonOf(error)}`);
    }
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;

    const reload = async (): Promise<void> => {
      let sdl: string;
      try {
        sdl = await readFile(path, 'utf8');
      } catch (error) {
        logger.warn('supergraph file unreadable, keeping the current supergraph', { path, reason: reasonOf(error) });
        return;
      }
      if (stopped || sdl === current) return;
      try {
        const next = transform(sdl);
        update(next.sdl);
        // Only now: a version the gateway rejected never replaces the rules of the one serving.
        next.commit();
        current = sdl;
        logger.info('supergraph reloaded', { path });
      } catch (error) {
        logger.error('supergraph rejected, keeping the current supergraph', { path, reason: reasonOf(error) });
      }
    };

    const onChange = (now: Stats, before: Stats): void => {
      if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), debounceMs);
    };
    // Polling the path (not fs.watch on the inode) survives editors and tools that replace the file.
    watchFile(path, { interval: intervalMs, persistent: false }, onChange);

    const initial = transform(current);
    initial.commit();
    return {
      supergraphSdl: initial.sdl,
      cleanup: () => {
        stopped = true;
        clearTimeout(timer);
        unwatchFile(path, onChange);
        return Promise.resolve();
      },
    };
  };
}
