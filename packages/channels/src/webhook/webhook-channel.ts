import type { Clock, Delivery, DeliveryChannel, DeliveryResult } from '@omnitouch/engine';
import { systemClock, toDeliveryPayload } from '../delivery-payload';
import { classifyWebhookError, classifyWebhookStatus } from './classify-webhook-response';
import { signWebhookBody, webhookSignatureHeader } from './webhook-signature';

/** A touchpoint's webhook: where to POST, the shared signing secret, how long to wait (ms). */
export interface WebhookConfig {
  readonly url: string;
  readonly secret: string;
  /** Whole-request timeout, ms (default 5,000). */
  readonly timeoutMs?: number;
}

export interface WebhookChannelOptions extends WebhookConfig {
  /** Channel id in attempt logs and metrics (default `webhook`). */
  readonly id?: string;
  readonly clock?: Clock;
}

/**
 * Delivers by POSTing the JSON `DeliveryPayload` to one URL, signed (`Omnitouch-Signature`) and
 * carrying `Idempotency-Key` so the receiver can drop the duplicates retries produce. Resolves to a
 * classified `DeliveryResult`; throws only for our own bugs (see `classifyWebhookError`).
 */
export class WebhookChannel implements DeliveryChannel {
  readonly id: string;
  private readonly url: URL;
  private readonly secret: string;
  private readonly timeoutMs: number;
  private readonly clock: Clock;

  constructor(options: WebhookChannelOptions) {
    // A malformed URL is a configuration error: refuse it at start, not on every delivery.
    this.url = new URL(options.url);
    if (this.url.protocol !== 'http:' && this.url.protocol !== 'https:') {
      throw new TypeError(`webhook url must be http(s), got ${this.url.protocol}`);
    }
    if (options.secret.length === 0) {
      throw new TypeError('webhook secret must not be empty');
    }
    this.id = options.id ?? 'webhook';
    this.secret = options.secret;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.clock = options.clock ?? systemClock;
  }

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const sentAt = this.clock.now();
    const body = JSON.stringify(toDeliveryPayload(delivery, sentAt));
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [webhookSignatureHeader]: signWebhookBody(this.secret, body, sentAt),
          'Idempotency-Key': delivery.idempotencyKey,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const result = classifyWebhookError(error);
      if (result === undefined) {
        throw error;
      }
      return result;
    }
    // The body is not needed; cancelling it frees the connection for reuse.
    await response.body?.cancel().catch(() => undefined);
    return classifyWebhookStatus(response.status, this.clock.now());
  }
}
