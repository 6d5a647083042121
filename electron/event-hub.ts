import { EventEmitter } from 'node:events';
import type { EventName, EventPayloads } from '../shared/contract';

type Listener = <Name extends EventName>(event: Name, payload: EventPayloads[Name]) => void;

/** Fans the main side's events out to every window and browser connected. */
export class EventHub {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  publish<Name extends EventName>(event: Name, payload: EventPayloads[Name]): void {
    this.emitter.emit('event', event, payload);
  }

  subscribe(listener: Listener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
