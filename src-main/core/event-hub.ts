import type { DuetEvent } from '../contract/index.js';

/** Fans core events out to every transport's listener; a throwing listener cannot break the others. */
export class EventHub {
  private readonly listeners = new Set<(event: DuetEvent) => void>();

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: (event: DuetEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: DuetEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('Duet: an event listener failed:', error);
      }
    }
  }
}
