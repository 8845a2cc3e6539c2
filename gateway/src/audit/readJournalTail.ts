import { open } from 'node:fs/promises';
import { parseJournalLine } from '@passerelle/subgraph-kit/audit';

/** The end of a journal file, enough to check it and continue its chain. */
export interface JournalTail {
  /** Lines from the origin to the end of the file. */
  lines: Array<{ text: string; terminated: boolean }>;
  /** True when `lines` starts at the file's first line (no seal or anchor found before it). */
  fromStart: boolean;
}

const chunkSize = 64 * 1024;

const isCheckpoint = (text: string): boolean => {
  const parsed = parseJournalLine(text);
  return parsed.ok && parsed.line.type !== 'acces';
};

/**
 * Reads a journal backwards until the last checkpoint (seal or anchor) that has at least one
 * line after it, so that the last seal itself is checked against the records it seals; or to
 * the start of the file if there is none. Reads about AUDIT_SEAL_EVERY records, not the file.
 * A missing file reads as empty.
 */
export async function readJournalTail(path: string): Promise<JournalTail> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (handle === null) return { lines: [], fromStart: true };
  try {
    let position = (await handle.stat()).size;
    let buffer = Buffer.alloc(0);
    for (;;) {
      const length = Math.min(chunkSize, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      let read = 0;
      while (read < length) {
        const { bytesRead } = await handle.read(chunk, read, length - read, position + read);
        if (bytesRead === 0) throw new Error(`${path} shrank while it was being read`);
        read += bytesRead;
      }
      buffer = Buffer.concat([chunk, buffer]);
      const fromStart = position === 0;
      const texts = buffer.toString('utf8').split('\n');
      const last = texts.pop() ?? '';
      const lines = texts.map((text) => ({ text, terminated: true }));
      if (last !== '') lines.push({ text: last, terminated: false });
      // Before the start of the file, the first piece may be the end of a line cut by the chunk.
      if (!fromStart) lines.shift();
      for (let index = lines.length - 2; index >= 0; index -= 1) {
        if (lines[index]!.terminated && isCheckpoint(lines[index]!.text)) return { lines: lines.slice(index), fromStart: fromStart && index === 0 };
      }
      if (fromStart) return { lines, fromStart: true };
    }
  } finally {
    await handle.close();
  }
}
