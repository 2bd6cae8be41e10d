type Listener = (...args: unknown[]) => void;

/** A small typed event emitter; a listener that throws is reported without stopping the others. */
export class Emitter<Events extends Record<string, unknown[]>> {
  private readonly listeners = new Map<keyof Events, Set<Listener>>();

  on<K extends keyof Events>(type: K, listener: (...args: Events[K]) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as unknown as Listener);
    return () => this.off(type, listener);
  }

  off<K extends keyof Events>(type: K, listener: (...args: Events[K]) => void): void {
    this.listeners.get(type)?.delete(listener as unknown as Listener);
  }

  emit<K extends keyof Events>(type: K, ...args: Events[K]): void {
    this.emitUntyped(type, args);
  }

  /** For dispatch by a type read off the wire. */
  emitUntyped(type: keyof Events, args: unknown[]): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) {
      try {
        listener(...args);
      } catch (error) {
        reportError(error);
      }
    }
  }
}

/** As an EventTarget does: the error surfaces (window.onerror, uncaughtException) but later listeners still run. */
function reportError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (report) report(error);
  else
    setTimeout(() => {
      throw error;
    });
}
