import type { AuditIpcChannel } from '../../src/cluster/AuditIpcChannel';

/** An in-memory IPC channel: what a worker sends goes to `sent` (and to `deliver`, if set); `receive` plays the primary's answers. */
export interface FakeChannel extends AuditIpcChannel {
  sent: unknown[];
  /** Plays the primary: called with each message sent, after the current turn (as IPC would). */
  deliver: ((message: unknown) => void) | null;
  /** A message from the primary. */
  receive(message: unknown): void;
  /** The primary exits: the channel closes. */
  disconnect(): void;
  /** Sending fails (the channel closed under the sender's feet). */
  failSends: boolean;
}

export function fakeChannel(): FakeChannel {
  const messageListeners = new Set<(message: unknown) => void>();
  const disconnectListeners = new Set<() => void>();
  const channel: FakeChannel = {
    connected: true,
    sent: [],
    deliver: null,
    failSends: false,
    send(message, onError) {
      if (channel.failSends || !channel.connected) {
        setImmediate(() => onError(new Error('Channel closed')));
        return;
      }
      channel.sent.push(message);
      setImmediate(() => channel.deliver?.(message));
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onDisconnect(listener) {
      disconnectListeners.add(listener);
      return () => disconnectListeners.delete(listener);
    },
    receive(message) {
      for (const listener of [...messageListeners]) listener(message);
    },
    disconnect() {
      (channel as { connected: boolean }).connected = false;
      for (const listener of [...disconnectListeners]) listener();
    },
  };
  return channel;
}
