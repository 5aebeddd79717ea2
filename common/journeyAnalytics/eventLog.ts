/**
 * Building an {@link EventLog} event by event: customers, event names and property values are
 * interned into dictionaries, numbers go into growable typed arrays.
 */
import type { EventLog, PropertyColumn } from './types';
import type { PlainEvent } from './reference';

class Interner {
  readonly list: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.list.length;
      // A copy of its own: a value cut from a slice of a big file would otherwise keep the whole
      // slice alive in V8 (a sliced string points at its parent) for as long as the log lives.
      const own = (' ' + value).slice(1);
      this.list.push(own);
      this.codes.set(own, c);
    }
    return c;
  }
}

function grow<T extends Int32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/** Accumulates events; property columns are named up front. */
export class EventLogBuilder {
  private n = 0;
  private customer = new Int32Array(1024);
  private event = new Int32Array(1024);
  private time = new Float64Array(1024);
  private readonly customers = new Interner();
  private readonly events = new Interner();
  private readonly props: { name: string; dict: Interner; codes: Int32Array }[];

  constructor(propertyNames: readonly string[] = []) {
    this.props = propertyNames.map((name) => ({ name, dict: new Interner(), codes: new Int32Array(1024) }));
  }

  get length(): number {
    return this.n;
  }

  /** Adds an event; `properties[i]` is the value of the i-th named property (null or '' when missing). */
  add(customer: string, event: string, time: number, properties: readonly (string | null | undefined)[] = []): void {
    const i = this.next();
    this.customer[i] = this.customers.code(customer);
    this.event[i] = this.events.code(event);
    this.time[i] = time;
    for (let k = 0; k < this.props.length; k++) {
      const v = properties[k];
      this.props[k]!.codes[i] = v === null || v === undefined || v === '' ? -1 : this.props[k]!.dict.code(v);
    }
  }

  /** The index of a new event, the columns grown to hold it. */
  private next(): number {
    const i = this.n++;
    if (i >= this.customer.length) {
      this.customer = grow(this.customer, i + 1);
      this.event = grow(this.event, i + 1);
      this.time = grow(this.time, i + 1);
      for (const p of this.props) p.codes = grow(p.codes, i + 1);
    }
    return i;
  }

  /**
   * Room for `n` events in all, so a big import does not grow its columns by doubling (each doubling
   * copies every column and can leave up to half of the last one unused).
   */
  reserve(n: number): void {
    if (n <= this.customer.length) return;
    const exact = <T extends Int32Array | Float64Array>(a: T) => { const next = new (a.constructor as new (k: number) => T)(n); next.set(a.subarray(0, this.n)); return next; };
    this.customer = exact(this.customer);
    this.event = exact(this.event);
    this.time = exact(this.time);
    for (const p of this.props) p.codes = exact(p.codes);
  }

  /** The code of a customer id, an event name or the k-th property's value (interned on first sight). */
  customerCode(value: string): number { return this.customers.code(value); }
  eventCode(value: string): number { return this.events.code(value); }
  propertyCode(k: number, value: string): number { return this.props[k]!.dict.code(value); }

  /** Adds an event by codes from the three methods above; `properties[k]` is -1 when missing. */
  addCodes(customer: number, event: number, time: number, properties: Int32Array): void {
    const i = this.next();
    this.customer[i] = customer;
    this.event[i] = event;
    this.time[i] = time;
    for (let k = 0; k < this.props.length; k++) this.props[k]!.codes[i] = properties[k]!;
  }

  /**
   * The log (the builder should not be used afterwards). Its columns are views of the builder's
   * arrays, not copies: copying 10M events' columns would add their size to the import's peak.
   */
  build(): EventLog {
    const n = this.n;
    const properties: PropertyColumn[] = this.props.map((p) => ({ name: p.name, dict: p.dict.list, codes: p.codes.subarray(0, n) }));
    return {
      length: n, customer: this.customer.subarray(0, n), customers: this.customers.list,
      event: this.event.subarray(0, n), events: this.events.list, time: this.time.subarray(0, n), properties,
    };
  }
}

/** An event log from plain records (tests, generated data). */
export function eventLogFromPlain(events: readonly PlainEvent[]): EventLog {
  const names = [...new Set(events.flatMap((e) => Object.keys(e.properties ?? {})))].sort();
  const b = new EventLogBuilder(names);
  for (const e of events) b.add(e.customer, e.event, e.time, names.map((n) => e.properties?.[n]));
  return b.build();
}

/** The events of a log as plain records (for the reference and for exports). */
export function plainFromEventLog(log: EventLog): PlainEvent[] {
  return Array.from({ length: log.length }, (_, i) => {
    const properties: Record<string, string> = {};
    for (const p of log.properties) if (p.codes[i]! >= 0) properties[p.name] = p.dict[p.codes[i]!]!;
    return { customer: log.customers[log.customer[i]!]!, event: log.events[log.event[i]!]!, time: log.time[i]!, properties };
  });
}
