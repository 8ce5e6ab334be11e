import type { Clock, Delivery, DeliveryChannel, DeliveryResult } from '@omnitouch/engine';
import { systemClock, toDeliveryPayload } from '../delivery-payload';
import type { StaffScreenHub, StaffScreenMessage } from './staff-screen-hub';

export interface StaffScreenChannelOptions {
  readonly hub: StaffScreenHub;
  /** The staff member serving this customer now, when known (the server's contact sessions). */
  readonly staffFor?: (delivery: Delivery) => string | undefined;
  readonly id?: string;
  readonly clock?: Clock;
}

/**
 * Delivers to the front-line screens of a staffed or inbound touchpoint through the hub. Delivered
 * when at least one screen took the offer; with none connected it is a retryable
 * `no-screen-connected` rejection (a clerk may be logging in).
 */
export class StaffScreenChannel implements DeliveryChannel {
  readonly id: string;
  private readonly clock: Clock;

  constructor(private readonly options: StaffScreenChannelOptions) {
    this.id = options.id ?? 'staff-screen';
    this.clock = options.clock ?? systemClock;
  }

  deliver(delivery: Delivery): Promise<DeliveryResult> {
    const at = this.clock.now();
    const staffId = this.options.staffFor?.(delivery);
    const message: StaffScreenMessage = {
      ...toDeliveryPayload(delivery, at),
      ...(staffId === undefined ? {} : { staffId }),
    };
    const received = this.options.hub.publish(message);
    return Promise.resolve(
      received > 0
        ? { kind: 'delivered', at }
        : { kind: 'rejected', retryable: true, reason: 'no-screen-connected' },
    );
  }
}
