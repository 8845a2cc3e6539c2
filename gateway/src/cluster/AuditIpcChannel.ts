/**
 * The IPC channel an audit sink talks over: a worker's `process` towards the primary
 * (`processChannel`), or an in-memory pair in tests.
 */
export interface AuditIpcChannel {
  /** Whether messages can still be sent (false once the primary is gone). */
  readonly connected: boolean;
  /** Sends one message; `onError` is called (later) if it could not be sent: the channel closed. */
  send(message: unknown, onError: (error: Error) => void): void;
  /** Listens to every message received; returns a function that stops listening. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Called once when the channel closes (the primary exited or disconnected). */
  onDisconnect(listener: () => void): () => void;
}

/** This process's IPC channel to its parent (a cluster worker's to the primary). */
export function processChannel(proc: NodeJS.Process = process): AuditIpcChannel {
  return {
    get connected() {
      return proc.connected === true;
    },
    send(message, onError) {
      if (proc.send === undefined) {
        onError(new Error('This process has no IPC channel.'));
        return;
      }
      // With a callback, a closed channel is reported there instead of as an 'error' event on
      // the process, which would stop it. A `false` return only means the channel is backed up.
      proc.send(message, undefined, {}, (error: Error | null) => {
        if (error) onError(error);
      });
    },
    onMessage(listener) {
      proc.on('message', listener);
      return () => proc.off('message', listener);
    },
    onDisconnect(listener) {
      proc.once('disconnect', listener);
      return () => proc.off('disconnect', listener);
    },
  };
}
