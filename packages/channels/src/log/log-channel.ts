import type { Clock, Delivery, DeliveryChannel, DeliveryResult } from '@omnitouch/engine';
import { systemClock } from '../delivery-payload';

export interface LogChannelOptions {
  /** Receives one line per delivery (stdout, a pino logger's info, a test array). */
  readonly sink: (line: string) => void;
  readonly id?: string;
  readonly clock?: Clock;
  /** Which text of the offer to print (default `en`). */
  readonly language?: 'en' | 'zh-CN';
  /** How a customer id is shown; the default keeps the last 4 characters so logs name nobody. */
  readonly maskCustomerId?: (customerId: string) => string;
}

/** Keeps the last 4 characters of a customer id: enough to follow one in a demo, not to identify. */
export function maskCustomerId(customerId: string): string {
  return customerId.length <= 4 ? '****' : `***${customerId.slice(-4)}`;
}

/**
 * A channel that "delivers" by writing one line per delivery to a sink — the demo's outbound
 * channel and a stand-in for a touchpoint not wired to a real system yet. Always delivered.
 */
export class LogChannel implements DeliveryChannel {
  readonly id: string;
  private readonly options: LogChannelOptions;
  private readonly clock: Clock;

  constructor(options: LogChannelOptions) {
    this.id = options.id ?? 'log';
    this.options = options;
    this.clock = options.clock ?? systemClock;
  }

  deliver(delivery: Delivery): Promise<DeliveryResult> {
    const at = this.clock.now();
    const mask = this.options.maskCustomerId ?? maskCustomerId;
    const text = delivery.content[this.options.language ?? 'en'];
    this.options.sink(
      `${new Date(at).toISOString()} deliver touchpoint=${delivery.touchpointId} ` +
        `method=${delivery.deliveryMethod} case=${delivery.caseId} offer=${delivery.offerId} ` +
        `customer=${mask(delivery.customerId)} key=${delivery.idempotencyKey} ${JSON.stringify(text)}`,
    );
    return Promise.resolve({ kind: 'delivered', at });
  }
}
