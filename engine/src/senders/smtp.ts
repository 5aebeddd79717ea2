import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { SendOutcome } from '../../../common/flowEngine';
import type { Delivery, Transport } from './types';

/**
 * Email over SMTP (nodemailer, pooled). SMTP has no idempotency: the key goes into the Message-ID
 * and an `X-Idempotency-Key` header so a receiving system can deduplicate, and the engine logs a
 * retried email after a crash as a possible duplicate. Connection drops, timeouts and 4xx replies
 * are retryable; 5xx replies (mailbox refused…) are not.
 */

/** Options of {@link SmtpSender}. */
export interface SmtpOptions {
  host: string;
  port: number;
  secure?: boolean;
  user?: string;
  password?: string;
  from: string;
  /** Give up a connection or reply after this long. */
  timeoutMs?: number;
}

/** Sends email; see the module comment. */
export class SmtpSender implements Transport {
  private readonly transport: Transporter;
  constructor(private readonly o: SmtpOptions) {
    const timeout = o.timeoutMs ?? 15_000;
    this.transport = nodemailer.createTransport({
      host: o.host,
      port: o.port,
      secure: o.secure ?? false,
      ignoreTLS: !o.secure,
      pool: true,
      maxConnections: 4,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      ...(o.user ? { auth: { user: o.user, pass: o.password ?? '' } } : {}),
    });
  }

  async deliver(request: Delivery): Promise<SendOutcome> {
    const to = String(request.to.email ?? request.to.customerId ?? '');
    if (!/^[^\s@]+@[^\s@]+$/.test(to)) return { ok: false, retryable: false, reason: `The customer has no email address ("${to.slice(0, 80)}").` };
    try {
      const info = await this.transport.sendMail({
        from: this.o.from,
        to,
        subject: String(request.payload.subject ?? ''),
        text: String(request.payload.body ?? ''),
        messageId: `<${encodeURIComponent(request.key)}@cx-engine>`,
        headers: { 'X-Idempotency-Key': request.key },
      });
      return { ok: true, keyHonoured: false, providerId: String(info.messageId) };
    } catch (error) {
      const e = error as { responseCode?: number; code?: string; message?: string };
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
      return { ok: false, retryable: !permanent, reason: `SMTP ${e.responseCode ?? e.code ?? 'error'}: ${(e.message ?? '').slice(0, 200)}` };
    }
  }

  close(): void {
    this.transport.close();
  }
}
