import type { EngineEvent } from '../../shared/contract';

export type EventListener = (event: EngineEvent) => void;

/** A small fan-out of engine events to every connected UI. */
export class EventHub {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: EngineEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
