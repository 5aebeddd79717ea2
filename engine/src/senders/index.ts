import type { OutgoingMessage, SendOutcome, Senders } from '../../../common/flowEngine';
import type { Transport } from './types';

/**
 * The interpreter's {@link Senders} port over our transports: email goes to SMTP, everything else to
 * the provider's HTTP API (or, for webhook steps, the step's own URL). A channel without a configured
 * transport fails as not retryable with a sentence saying so.
 */
export function createSenders(transports: { email?: Transport; http?: Transport }): Senders {
  const go = (t: Transport | undefined, message: OutgoingMessage, to: Record<string, string | number | boolean>, key: string): Promise<SendOutcome> => {
    if (!t) return Promise.resolve({ ok: false, retryable: false, reason: `The ${message.channel} channel is not configured for this engine.` });
    const { channel, ...payload } = message;
    return t.deliver({ channel, key, payload, to });
  };
  return {
    email: (m, to, key) => go(transports.email, m, to, key),
    sms: (m, to, key) => go(transports.http, m, to, key),
    whatsapp: (m, to, key) => go(transports.http, m, to, key),
    webhook: (m, key) => go(transports.http, m, {}, key),
    ticket: (m, to, key) => go(transports.http, m, to, key),
    surveyLink: (m, to, key) => go(transports.http, m, to, key),
  };
}

/** Calls the sender of a message's channel. */
export function sendMessage(senders: Senders, message: OutgoingMessage, to: Record<string, string | number | boolean>, key: string): Promise<SendOutcome> {
  switch (message.channel) {
    case 'email': return senders.email(message, to, key);
    case 'sms': return senders.sms(message, to, key);
    case 'whatsapp': return senders.whatsapp(message, to, key);
    case 'webhook': return senders.webhook(message, key);
    case 'ticket': return senders.ticket(message, to, key);
    case 'surveyLink': return senders.surveyLink(message, to, key);
  }
}
