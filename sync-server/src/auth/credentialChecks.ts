import { CouchError } from '../http/errors';
import { verifyPassword } from './passwords';

/**
 * Password checks (scrypt) without a storm (issue 22). After a server restart, or when a whole
 * office comes back online, hundreds of laptops send their Basic credentials at once and no cache
 * knows them yet. Unchecked, every request starts its own scrypt: the checks fill libuv's thread
 * pool, which LevelDB's reads and writes share, so requests of laptops already signed in wait
 * behind them and time out too. So:
 * - checks of the same credentials against the same stored hash share one scrypt (a laptop opens
 *   one longpoll and several pulls at once with the same header);
 * - at most `maxRunning` scrypts run at a time (the thread pool has 4 threads; the rest stay free
 *   for the database), the others wait in order;
 * - past `maxWaiting` waiting checks a request is answered 503 at once instead of queuing for
 *   minutes (clients retry), so a flood of made-up credentials cannot grow the queue without end.
 */

/** Checks one password against one stored hash (scrypt in production, a stub in tests). */
export type Verify = (password: string, stored: string | undefined) => Promise<boolean>;

/** Options of {@link CredentialChecks}. */
export interface CredentialCheckOptions {
  /** scrypts running at once; default 2 (half of libuv's default thread pool). */
  maxRunning?: number;
  /** Checks waiting for a turn before new ones are refused with 503; default 2,000. */
  maxWaiting?: number;
  verify?: Verify;
}

/** Shared, bounded password checks. */
export class CredentialChecks {
  private readonly maxRunning: number;
  private readonly maxWaiting: number;
  private readonly verify: Verify;
  private readonly inFlight = new Map<string, { stored: string | undefined; result: Promise<boolean> }>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(options: CredentialCheckOptions = {}) {
    this.maxRunning = options.maxRunning ?? 2;
    this.maxWaiting = options.maxWaiting ?? 2_000;
    this.verify = options.verify ?? verifyPassword;
  }

  /**
   * Whether `password` matches `stored`. `key` identifies the credentials (a keyed hash of name and
   * password, never the password itself); a check already running for the same key and the same
   * stored hash is joined. A check that started before the password changed is not joined: it
   * answers for the old hash.
   */
  check(key: string, password: string, stored: string | undefined): Promise<boolean> {
    const same = this.inFlight.get(key);
    if (same && same.stored === stored) return same.result;
    if (this.running >= this.maxRunning && this.waiting.length >= this.maxWaiting) {
      return Promise.reject(new CouchError(503, 'service_unavailable', 'The server is checking many sign-ins at once; try again in a few seconds.'));
    }
    const result = this.turn(() => this.verify(password, stored));
    const entry = { stored, result };
    this.inFlight.set(key, entry);
    const forget = () => {
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
    };
    result.then(forget, forget);
    return result;
  }

  /** Checks running now and waiting for a turn (for tests and the log). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private async turn<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxRunning) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter (running stays the same), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
