import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Intake } from '../../common/flowEngine';
import { triggerMatches } from '../../common/flowEngine';
import type { EventDoc, IntakeProblemsDoc, RunDoc } from '../../common/journeyRuns/docs';
import { eventDocId, intakePrefix, isValidCustomerId, partitionOf, runId, utcDay } from '../../common/journeyRuns/ids';
import { cleanAttributes } from './commands';
import type { CouchDb } from './couch';
import type { JourneyDirectory } from './journeys';
import type { Log } from './worker';

/**
 * Signed intake: `POST /hooks/<tenant>/<events|survey-responses|segment-entries>`. The body is JSON,
 * signed with the tenant's secret: `X-CX-Timestamp: <unix seconds>` and
 * `X-CX-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`; a timestamp more than
 * `toleranceMs` away is refused (replays). Accepted intake is written before the answer (202), as an
 * event document (for waiting runs and goals) and one run per journey trigger it fires; ids come
 * from the sender's id, so a redelivery writes nothing twice. Every refusal is one JSON log line and
 * a count in the day's intake summary the app shows.
 */

/** One tenant as the intake sees it. */
export interface IntakeTenant {
  secret: string;
  runs: CouchDb;
  control: CouchDb;
  directory: JourneyDirectory;
  partitions: number;
}

/** Options of {@link createIntake}. */
export interface IntakeOptions {
  tenants: ReadonlyMap<string, IntakeTenant>;
  worker: string;
  log: Log;
  maxBodyBytes?: number;
  toleranceMs?: number;
  now?: () => number;
}

const kinds: Record<string, Intake['type']> = { events: 'event', 'survey-responses': 'surveyResponse', 'segment-entries': 'segmentEntry' };

class Refused extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** The intake as a request handler (never listens itself). Also returns a flush for the problem summaries. */
export function createIntake(o: IntakeOptions): { handle: (req: IncomingMessage, res: ServerResponse) => void; flush: () => Promise<void> } {
  const now = o.now ?? Date.now;
  const maxBody = o.maxBodyBytes ?? 64 * 1024;
  const problems = new Map<string, IntakeProblemsDoc>();
  const dirty = new Set<string>();

  const problem = (tenant: string, code: string, message: string, status: number): void => {
    o.log({ level: 'warn', msg: 'Intake refused', tenant, code, status, reason: message });
    if (!o.tenants.has(tenant)) return; // no summary for tenants we do not serve
    const day = utcDay(now());
    const key = `${tenant}\u0000${day}`;
    const doc = problems.get(key) ?? { _id: `${intakePrefix}${day}|${o.worker}`, type: 'intake' as const, day, worker: o.worker, counts: {}, recent: [] };
    doc.counts[code] = (doc.counts[code] ?? 0) + 1;
    doc.recent = [...doc.recent, { at: now(), code, message }].slice(-20);
    problems.set(key, doc);
    dirty.add(key);
  };

  const flush = async (): Promise<void> => {
    for (const key of [...dirty]) {
      dirty.delete(key);
      const doc = problems.get(key)!;
      const t = o.tenants.get(key.split('\u0000')[0]!)!;
      let rev = await t.control.put(doc as never);
      if (!rev) {
        const stored = await t.control.get<IntakeProblemsDoc>(doc._id);
        if (stored) doc._rev = stored._rev;
        rev = await t.control.put(doc as never);
      }
      if (rev) doc._rev = rev;
      else dirty.add(key);
    }
  };

  const readBody = (req: IncomingMessage): Promise<Buffer> => new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) return reject(new Refused(413, 'too-large', `The body is ${declared} bytes; the limit is ${maxBody}.`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) {
        req.removeAllListeners('data');
        req.resume();
        reject(new Refused(413, 'too-large', `The body is over the limit of ${maxBody} bytes.`));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

  const verify = (t: IntakeTenant, req: IncomingMessage, body: Buffer): void => {
    const ts = String(req.headers['x-cx-timestamp'] ?? '');
    const sig = String(req.headers['x-cx-signature'] ?? '');
    if (!/^\d{1,12}$/.test(ts) || !sig.startsWith('sha256=')) throw new Refused(401, 'bad-signature', 'X-CX-Timestamp and X-CX-Signature (sha256=<hex>) are required.');
    const expected = createHmac('sha256', t.secret).update(`${ts}.`).update(body).digest();
    const given = Buffer.from(sig.slice(7), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Refused(401, 'bad-signature', 'The signature does not match the body and the tenant\'s secret.');
    if (Math.abs(now() - Number(ts) * 1000) > (o.toleranceMs ?? 300_000)) throw new Refused(401, 'stale-timestamp', 'The timestamp is more than 5 minutes from the server\'s clock (a replay, or a wrong clock).');
  };

  const accept = async (tenant: string, t: IntakeTenant, kind: Intake['type'], input: Record<string, unknown>): Promise<{ runs: number; duplicate: boolean; skipped: { journeyId: string; reason: 'paused' | 'version-not-ready' }[] }> => {
    const customerId = input.customerId;
    const id = input.id;
    if (!isValidCustomerId(customerId)) throw new Refused(400, 'bad-payload', 'customerId must be a string of 1 to 200 characters.');
    if (typeof id !== 'string' || id.length < 1 || id.length > 200) throw new Refused(400, 'bad-payload', 'id (the sender\'s unique id of this intake) must be a string of 1 to 200 characters.');
    const at = typeof input.at === 'number' && Number.isFinite(input.at) ? input.at : now();
    const properties = cleanAttributes(input.properties);
    let intake: Intake;
    if (kind === 'event') {
      if (typeof input.name !== 'string' || !input.name || input.name.length > 200) throw new Refused(400, 'bad-payload', 'name (the event name) must be a string of 1 to 200 characters.');
      intake = { type: 'event', name: input.name };
    } else if (kind === 'surveyResponse') {
      if (typeof input.surveyId !== 'string' || !input.surveyId) throw new Refused(400, 'bad-payload', 'surveyId is required.');
      intake = { type: 'surveyResponse', surveyId: input.surveyId, ...(typeof input.score === 'number' ? { score: input.score } : {}) };
    } else {
      if (typeof input.segmentId !== 'string' || !input.segmentId) throw new Refused(400, 'bad-payload', 'segmentId is required.');
      intake = { type: 'segmentEntry', segmentId: input.segmentId };
    }
    const d = t.directory;
    const journeyIds = typeof input.journeyId === 'string' ? [input.journeyId] : d.journeyIds();
    if (typeof input.journeyId === 'string' && !d.published(input.journeyId)) {
      await d.refresh();
      if (!d.published(input.journeyId)) throw new Refused(404, 'unknown-journey', `Journey "${input.journeyId.slice(0, 80)}" is unknown or has never been published.`);
    }
    const docs: (RunDoc | EventDoc)[] = [];
    const name = intake.type === 'event' ? intake.name : intake.type;
    docs.push({ _id: eventDocId(customerId, id, t.partitions), type: 'event', customerId, eventId: id, name, at, properties, receivedAt: now() });
    const attributes = cleanAttributes(input.attributes);
    // Journeys this intake would have started and did not, with why: the answer says so instead of a
    // bare "0 runs" (a paused journey, or a version published a moment ago whose flow is not readable yet).
    const skipped: { journeyId: string; reason: 'paused' | 'version-not-ready' }[] = [];
    for (const journeyId of journeyIds) {
      const ref = d.published(journeyId);
      if (!ref) continue;
      if (!(await d.load(journeyId, ref.version, now()))) {
        // Named by the sender: answer "retry" before anything is written, so the retry starts the run.
        if (typeof input.journeyId === 'string') throw new Refused(503, 'version-not-ready', `Version ${ref.version} of journey "${journeyId.slice(0, 80)}" is published but its flow cannot be read yet; retry in a few seconds.`);
        skipped.push({ journeyId, reason: 'version-not-ready' });
        continue;
      }
      const triggers = triggerMatches(d.program(journeyId, ref.version)!, intake);
      if (triggers.length > 0 && !ref.acceptsRuns) {
        skipped.push({ journeyId, reason: 'paused' });
        continue;
      }
      for (const trigger of triggers) {
        docs.push({
          _id: runId(customerId, journeyId, `${kind}-${id}-${trigger}`, t.partitions), type: 'run', journeyId, version: ref.version,
          partition: partitionOf(customerId, t.partitions), customerId, ...(typeof input.timeZone === 'string' ? { timeZone: input.timeZone.slice(0, 64) } : {}),
          state: null, log: [], notes: [], start: { triggerNodeId: trigger, at, attributes, response: { ...properties, ...(intake.type === 'surveyResponse' && typeof input.score === 'number' ? { score: input.score } : {}) } },
          createdAt: now(), updatedAt: now(),
        });
      }
    }
    const results = await t.runs.bulk(docs as never);
    const failed = results.find((r) => !r.ok && r.error !== 'conflict');
    if (failed) throw new Error(`Could not store the intake: ${failed.error} ${failed.reason ?? ''}`);
    const runs = results.filter((r) => r.ok && r.id.startsWith('r|')).length;
    o.log({ level: skipped.length > 0 ? 'warn' : 'info', msg: 'Intake accepted', tenant, kind, id, customer: customerId, runs, ...(skipped.length > 0 ? { skipped } : {}) });
    return { runs, skipped, duplicate: results.every((r) => r.error === 'conflict') };
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const parts = (req.url ?? '').split('?')[0]!.split('/').filter(Boolean);
    const tenant = parts[1] ?? '';
    void (async () => {
      if (req.method !== 'POST' || parts.length !== 3 || parts[0] !== 'hooks' || !kinds[parts[2]!]) throw new Refused(404, 'not-found', 'POST /hooks/<tenant>/<events|survey-responses|segment-entries>.');
      const t = o.tenants.get(tenant);
      if (!t) throw new Refused(404, 'unknown-tenant', 'This engine serves no such tenant.');
      const body = await readBody(req);
      verify(t, req, body);
      let input: unknown;
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        throw new Refused(400, 'bad-payload', 'The body is not JSON.');
      }
      if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Refused(400, 'bad-payload', 'The body must be a JSON object.');
      const r = await accept(tenant, t, kinds[parts[2]!]!, input as Record<string, unknown>);
      send(r.duplicate ? 200 : 202, { ok: true, runs: r.runs, duplicate: r.duplicate, skipped: r.skipped });
    })().catch((error: unknown) => {
      if (error instanceof Refused) {
        problem(tenant, error.code, error.message, error.status);
        if (error.status === 413) res.setHeader('connection', 'close');
        send(error.status, { error: error.code, reason: error.message });
      } else {
        o.log({ level: 'error', msg: 'Intake failed; the sender should retry', tenant, error: String(error) });
        send(503, { error: 'unavailable', reason: 'The intake could not be stored; retry later.' });
      }
    });
  };
  return { handle, flush };
}
