import { createHmac } from 'node:crypto';
import type { SendOutcome } from '../../../common/flowEngine';
import type { HttpAnswer } from '../httpRequest';
import { HttpRequestError, httpRequest } from '../httpRequest';
import type { Delivery, Transport } from './types';

/**
 * SMS, WhatsApp, tickets and survey links through a provider's HTTP API, and the flow's own webhook
 * calls. Every request carries `Idempotency-Key: <runId>:<seq>`, so a provider that honours it never
 * delivers a retried step twice. Webhook calls are signed like our intake expects
 * (`X-CX-Signature: sha256=<hex HMAC of "<timestamp>.<body>">`).
 */

/** Options of {@link HttpSender}. */
export interface HttpSenderOptions {
  /** Base URL of the provider API; requests go to `<base>/<channel>`. */
  providerUrl: string;
  /** Bearer token for the provider, if it needs one. */
  providerToken?: string;
  /** Secret signing outgoing webhook calls. */
  webhookSecret?: string;
  /** Abort a request after this long (a hung provider is a retryable failure). */
  timeoutMs?: number;
  now?: () => number;
}

const channels = new Set(['sms', 'whatsapp', 'ticket', 'surveyLink', 'webhook']);

/** Sends over HTTP; see the module comment. */
export class HttpSender implements Transport {
  constructor(private readonly o: HttpSenderOptions) {}

  async deliver(request: Delivery): Promise<SendOutcome> {
    if (!channels.has(request.channel)) return { ok: false, retryable: false, reason: `No HTTP provider for the ${request.channel} channel.` };
    const isWebhook = request.channel === 'webhook';
    const target = isWebhook ? String(request.payload.url ?? '') : `${this.o.providerUrl.replace(/\/$/, '')}/${request.channel}`;
    if (!/^https?:\/\//.test(target)) return { ok: false, retryable: false, reason: `The webhook URL "${target.slice(0, 100)}" is not an http(s) address.` };
    const method = isWebhook ? String(request.payload.method ?? 'POST') : 'POST';
    const body = JSON.stringify(isWebhook ? request.payload.body ?? {} : { to: request.to, ...request.payload });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': request.key };
    if (!isWebhook && this.o.providerToken) headers.authorization = `Bearer ${this.o.providerToken}`;
    if (isWebhook && this.o.webhookSecret) {
      const ts = String(Math.floor((this.o.now?.() ?? Date.now()) / 1000));
      headers['x-cx-timestamp'] = ts;
      headers['x-cx-signature'] = `sha256=${createHmac('sha256', this.o.webhookSecret).update(`${ts}.${method === 'GET' ? '' : body}`).digest('hex')}`;
    }
    let response: HttpAnswer;
    try {
      response = await httpRequest(target, { method, headers, ...(method === 'GET' ? {} : { body }), timeoutMs: this.o.timeoutMs ?? 15_000 });
    } catch (error) {
      const cause = error instanceof HttpRequestError ? error.code : (error as Error).name;
      return { ok: false, retryable: true, reason: `The ${request.channel} provider could not be reached (${cause}).` };
    }
    const text = response.text;
    if (response.status >= 200 && response.status < 300) {
      let providerId: string | undefined;
      try {
        providerId = (JSON.parse(text) as { id?: string }).id;
      } catch {
        providerId = undefined;
      }
      return providerId ? { ok: true, keyHonoured: true, providerId: String(providerId).slice(0, 200) } : { ok: true, keyHonoured: true };
    }
    const retryable = response.status === 429 || response.status >= 500 || response.status === 408;
    const retryAfter = Number(response.headers['retry-after']);
    return {
      ok: false,
      retryable,
      reason: `The ${request.channel} provider answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}.`,
      ...(retryable && retryAfter > 0 ? { retryAfterMs: Math.min(retryAfter, 3600) * 1000 } : {}),
    };
  }
}
