import { createReadStream } from 'node:fs';

/** One line of the journal file as read, before parsing. */
export interface RawJournalLine {
  /** The line's text, without its end of line. */
  text: string;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** False for a last line without an end of line: an interrupted write or a truncated file. */
  terminated: boolean;
}

/**
 * Streams the lines of a journal file, in order, without holding the file in memory.
 * Splits on the byte `\n` (never inside a UTF-8 sequence), so offsets are exact.
 */
export async function* readJournalLines(path: string): AsyncGenerator<RawJournalLine> {
  let pending: Buffer = Buffer.alloc(0);
  let pendingOffset = 0;
  let line = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const buffer: Buffer = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
    let start = 0;
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      line += 1;
      yield { text: buffer.toString('utf8', start, end), line, offset: pendingOffset + start, terminated: true };
      start = end + 1;
    }
    pending = buffer.subarray(start);
    pendingOffset += start;
  }
  if (pending.length > 0) yield { text: pending.toString('utf8'), line: line + 1, offset: pendingOffset, terminated: false };
}
