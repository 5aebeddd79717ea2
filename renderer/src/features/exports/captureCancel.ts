/** Thrown when a PNG capture is cancelled; nothing is saved. */
export class CaptureCancelled extends Error {
  constructor() {
    super('Capture cancelled.');
    this.name = 'CaptureCancelled';
  }
}

/** Stops a capture between steps once its signal has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CaptureCancelled();
}

/**
 * Waits for a step of a capture, or stops at once when the signal aborts. html-to-image cannot be
 * interrupted, so an aborted step runs on in the background and its result is dropped.
 */
export function untilCancelled<T>(step: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return step;
  throwIfCancelled(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CaptureCancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    step.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
