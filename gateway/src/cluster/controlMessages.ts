/** Messages between the gateway's primary and its workers about their life (auditIpcMessages.ts: the journal's). */
export const controlChannel = 'passerelle-control';

/** Primary → worker: `init` (its slot, 1..N, kept by the worker started again in its place), `shutdown` (stop gracefully). */
export type PrimaryMessage = { channel: typeof controlChannel; op: 'init'; slot: number } | { channel: typeof controlChannel; op: 'shutdown' };

/** Worker → primary: `hello` (asks for its slot), `ready` (serving), `stopped-accepting` (its listener is closed). */
export type WorkerMessage = { channel: typeof controlChannel; op: 'hello' | 'ready' | 'stopped-accepting' };

const isControl = (message: unknown): message is Record<string, unknown> => typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === controlChannel;

export function parsePrimaryMessage(message: unknown): PrimaryMessage | null {
  if (!isControl(message)) return null;
  if (message.op === 'shutdown') return { channel: controlChannel, op: 'shutdown' };
  if (message.op === 'init' && typeof message.slot === 'number' && Number.isSafeInteger(message.slot) && message.slot > 0) return { channel: controlChannel, op: 'init', slot: message.slot };
  return null;
}

export function parseWorkerMessage(message: unknown): WorkerMessage | null {
  if (!isControl(message)) return null;
  return message.op === 'hello' || message.op === 'ready' || message.op === 'stopped-accepting' ? { channel: controlChannel, op: message.op } : null;
}
