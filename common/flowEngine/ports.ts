/**
 * The flow interpreter's contract (issue 16): the data it reads and returns, and the ports a host
 * (the engine process, the in-app simulator) implements around it. Stable: change only by adding.
 *
 * How a host drives a run:
 *  1. `startRun(program, init, ctx)` makes the run state and walks from the trigger until the run
 *     has to stop: at a wait, at a send, or at its end.
 *  2. The host stores `result.state` and appends `result.log` ({@link RunStore}); if `result.wakeAt`
 *     is set it keeps a timer for that time (timers are data: the interpreter never sleeps).
 *  3. It performs `result.effects`:
 *     - `send`: call the channel's {@link Senders} method with the effect's `idempotencyKey`, then feed
 *       `{ type: 'sent' }` or, once the host has given up retrying, `{ type: 'sendFailed' }` with the
 *       reason. A run stops at every send (status `sending`), so the "about to send" state is stored
 *       before the provider is called: after a crash the host sends again with the same key.
 *     - `setAttribute`: write it through {@link AttributeStore} (idempotent: same key, same value).
 *     - `startRun`: start the go-to journey's run for the same customer ({@link JourneyLookup} said it
 *       exists); the handing-over run has already ended as `handedOver`.
 *  4. On a timer firing or an event for the customer, `stepRun(program, state, input, ctx)` again.
 *
 * Everything here is plain serialisable data (no classes, no Dates: times are epoch milliseconds) so a
 * host can put a run state or a log entry in a CouchDB document as is.
 *
 * Idempotency keys are derived from (run id, node id, visit of that node in the run), never from an
 * attempt counter, so a retried step reuses its key; a node visited again through a loop gets a new one.
 */

/** A customer attribute or response field value. */
export type FactValue = string | number | boolean;

/** A customer's attributes by name (first_name, plan, country…). */
export type Attributes = Record<string, FactValue>;

/** An event about one customer, from intake or an imported event log. */
export interface CustomerEvent {
  /** Event name, e.g. `purchase`, `survey_response`. */
  name: string;
  /** When it happened, epoch ms. */
  at: number;
  /** Its properties (a survey response's answers, an order's total…). */
  properties: Attributes;
}

/** Where a run is. */
export type RunStatus =
  | 'waiting' // at a wait node until `wait.until` or, for wait-until, a matching event
  | 'sending' // at a send action: the host performs `pending` and reports back
  | 'converted' // the customer met the journey's goal
  | 'exited' // reached an exit node
  | 'completed' // reached a step with nothing after it
  | 'handedOver' // a go-to node passed the customer to another journey
  | 'failed'; // a step failed; `failure` says why; `retry` re-runs that step

/** Statuses after which a run takes no input but `retry` (failed only). */
export const finishedStatuses: ReadonlySet<RunStatus> = new Set(['converted', 'exited', 'completed', 'handedOver', 'failed']);

/** The state of one customer's run through one published journey version. */
export interface RunState {
  /** Shape version of this record. */
  v: 1;
  /** Unique id of the run, chosen by the host (URL-safe). */
  runId: string;
  journeyId: string;
  /** Published version the run follows; a newer version does not change it. */
  journeyVersion: number;
  customerId: string;
  status: RunStatus;
  /** The node the run is at (waiting, sending or failed there; the last node for ended runs). */
  nodeId: string;
  /** The trigger the run started from. */
  triggerNodeId: string;
  /** Go-tos that led to this run. */
  handoverDepth: number;
  /** Customer attributes as the run knows them (start values plus its own updates). */
  attributes: Attributes;
  /** Fields conditions on `response` read: the trigger payload, then each event's properties and name (`event`). */
  response: Attributes;
  /** Persona match scores by persona id, 0..1, for `personaMatch` rules. */
  personaMatch: Record<string, number>;
  /** The current wait, when status is `waiting`. */
  wait?: { nodeId: string; mode: 'duration' | 'until'; since: number; until: number | null };
  /** The send in flight, when status is `sending`. */
  pending?: { nodeId: string; idempotencyKey: string };
  /** Visits per node id: the third part of every idempotency key and step id. */
  visits: Record<string, number>;
  /** Steps executed so far (all inputs). */
  steps: number;
  /** Log sequence number of the next entry. */
  nextSeq: number;
  startedAt: number;
  updatedAt: number;
  endedAt?: number;
  /** Why the run failed, in words a user can act on. */
  failure?: { nodeId: string; code: StepFailureCode; message: string };
  /** Where a go-to sent the customer. */
  handedOverTo?: { journeyId: string; version: number };
  /** The exit node's reason, or the goal that converted. */
  endReason?: string;
}

/** Why a step failed. */
export type StepFailureCode =
  | 'missing-variable' // a {{variable}} in a message has no value for the customer
  | 'unknown-journey' // go-to names no journey, or one with no published version
  | 'step-cap' // too many steps for one input: the flow loops without a wait
  | 'send-failed' // the host gave up delivering (reason from the provider)
  | 'journey-closed' // go-to's journey exists but takes no new runs (paused or stopped)
  | 'invalid-flow'; // the run's node is missing from the version, or a split has no arms

/** What wakes a run. */
export type RunInput =
  | { type: 'timer'; at: number }
  | { type: 'event'; at: number; event: CustomerEvent }
  | { type: 'sent'; at: number; idempotencyKey: string; possibleDuplicate?: boolean }
  | { type: 'sendFailed'; at: number; idempotencyKey: string; reason: string }
  | { type: 'retry'; at: number };

/** The first input: which trigger, which customer, what they brought. */
export interface RunStart {
  runId: string;
  customerId: string;
  triggerNodeId: string;
  at: number;
  attributes: Attributes;
  /** The trigger's payload (survey answers, event properties). */
  response?: Attributes;
  personaMatch?: Record<string, number>;
  /** How many go-tos led here (0 for a fresh start); past {@link maxHandovers} go-to fails. */
  handoverDepth?: number;
}

/** Go-tos in a row before a chain of journeys is taken for a loop. */
export const maxHandovers = 20;

/** One line of a run's step log. */
export interface StepLogEntry {
  runId: string;
  /** Increasing per run: `${runId}:${seq}` is a stable document id. */
  seq: number;
  at: number;
  nodeId: string;
  /** `${nodeId}#${visit}`: one step; the same across retries. */
  stepId: string;
  outcome: 'entered' | 'branch' | 'waiting' | 'resumed' | 'timedOut' | 'sending' | 'sent' | 'possibleDuplicate'
    | 'attributeSet' | 'converted' | 'exited' | 'completed' | 'handedOver' | 'failed';
  /** The output taken, for branches and waits. */
  handle?: string;
  /** A sentence for the user (failures, branch reasons). */
  message?: string;
}

/** A message channel the senders offer. `surveyLink` has no node in today's flow model. */
export type Channel = 'email' | 'sms' | 'whatsapp' | 'webhook' | 'ticket' | 'surveyLink';

/** A fully rendered message, by channel: never sent with a template variable left unfilled. */
export type OutgoingMessage =
  | { channel: 'email'; subject: string; body: string }
  | { channel: 'sms'; text: string }
  | { channel: 'whatsapp'; templateName: string; text: string }
  | { channel: 'webhook'; method: 'POST' | 'PUT' | 'GET'; url: string; body: { runId: string; customerId: string; journeyId: string; nodeId: string; attributes: Attributes } }
  | { channel: 'ticket'; subject: string; priority: 'low' | 'normal' | 'high' | 'urgent'; queue: string }
  | { channel: 'surveyLink'; surveyId: string; via: 'email' | 'sms' | 'whatsapp' };

/** Work the host does after a step. */
export type Effect =
  | { kind: 'send'; idempotencyKey: string; runId: string; nodeId: string; customerId: string; message: OutgoingMessage }
  | { kind: 'setAttribute'; idempotencyKey: string; customerId: string; attribute: string; value: string }
  | { kind: 'startRun'; idempotencyKey: string; customerId: string; journeyId: string; version: number; attributes: Attributes; fromRunId: string; handoverDepth: number };

/** What one call of the interpreter returns. */
export interface StepResult {
  state: RunState;
  log: StepLogEntry[];
  effects: Effect[];
  /** Keep a timer: call again with `{ type: 'timer' }` at or after this time. Null: no timer. */
  wakeAt: number | null;
}

/** A published journey as go-to sees it. */
export interface JourneyRef {
  journeyId: string;
  version: number;
  /** Paused or killed journeys refuse new runs (the host decides what paused means). */
  acceptsRuns: boolean;
}

/** Journey lookup for go-to. Synchronous: the host keeps the tenant's (small) journey directory in memory. */
export interface JourneyLookup {
  /** The latest published version of a journey, or null when there is none. */
  published(journeyId: string): JourneyRef | null;
}

/** Event lookup for wait-until: a customer's events since a time, oldest first. Synchronous: the host loads them with the run. */
export interface EventLookup {
  eventsSince(customerId: string, since: number): readonly CustomerEvent[];
}

/**
 * What a condition asks when the data cannot decide (a rule on a field the customer does not have).
 * The engine leaves it unset (an unknown fact fails the rule); the simulator answers with the
 * designer's branch probabilities. `draw` is a number in [0, 1) fixed by (run, node, visit).
 */
export type UndecidedChooser = (question: { nodeId: string; handles: readonly string[]; draw: number }) => string;

/** What a step may consult. */
export interface StepContext {
  journeys: JourneyLookup;
  events?: EventLookup;
  undecided?: UndecidedChooser;
  /** Steps allowed per input before the run fails as a loop (default {@link defaultStepCap}). */
  stepCap?: number;
}

/** Steps one input may execute: a flow that validates always meets a wait long before this. */
export const defaultStepCap = 200;

/** Now, for hosts (the interpreter itself only reads input times). */
export interface Clock {
  now(): number;
}

/** A timer kept by the host. */
export interface Timer {
  runId: string;
  at: number;
}

/** Where runs, step logs and timers live (CouchDB documents in the engine, memory in the simulator). */
export interface RunStore {
  loadRun(runId: string): Promise<RunState | null>;
  /** Saves the state with its new log lines and replaces the run's timer (null clears it). */
  saveRun(state: RunState, log: readonly StepLogEntry[], timer: Timer | null): Promise<void>;
  /** Timers due at or before `now`, oldest first, at most `limit`. */
  dueTimers(now: number, limit: number): Promise<Timer[]>;
}

/** A provider's answer. `keyHonoured` false: the provider ignores idempotency keys, so a resend after a crash is logged as possible duplicate. */
export type SendOutcome =
  | { ok: true; keyHonoured: boolean; providerId?: string }
  | { ok: false; retryable: boolean; reason: string; retryAfterMs?: number };

/** Message senders, one per channel; every call carries the step's idempotency key. */
export interface Senders {
  email(message: Extract<OutgoingMessage, { channel: 'email' }>, to: Attributes, idempotencyKey: string): Promise<SendOutcome>;
  sms(message: Extract<OutgoingMessage, { channel: 'sms' }>, to: Attributes, idempotencyKey: string): Promise<SendOutcome>;
  whatsapp(message: Extract<OutgoingMessage, { channel: 'whatsapp' }>, to: Attributes, idempotencyKey: string): Promise<SendOutcome>;
  webhook(message: Extract<OutgoingMessage, { channel: 'webhook' }>, idempotencyKey: string): Promise<SendOutcome>;
  ticket(message: Extract<OutgoingMessage, { channel: 'ticket' }>, to: Attributes, idempotencyKey: string): Promise<SendOutcome>;
  surveyLink(message: Extract<OutgoingMessage, { channel: 'surveyLink' }>, to: Attributes, idempotencyKey: string): Promise<SendOutcome>;
}

/** Writes attribute updates back to the customer record. */
export interface AttributeStore {
  setAttribute(customerId: string, attribute: string, value: string, idempotencyKey: string): Promise<void>;
}
