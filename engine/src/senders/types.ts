import type { Attributes, SendOutcome } from '../../../common/flowEngine';

/** One delivery as the concrete senders take it: the rendered message without its channel tag. */
export interface Delivery {
  /** `email`, `sms`, `whatsapp`, `webhook`, `ticket`, `surveyLink`. */
  channel: string;
  /** The step's idempotency key, passed to the provider. */
  key: string;
  /** Rendered content (subject, body, text, url…). */
  payload: Record<string, unknown>;
  /** The customer's attributes plus `customerId`. */
  to: Attributes;
}

/** A concrete sender (SMTP, a provider's HTTP API). */
export interface Transport {
  deliver(delivery: Delivery): Promise<SendOutcome>;
}
