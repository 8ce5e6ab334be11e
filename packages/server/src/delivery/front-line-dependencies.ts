import type { OfferStore } from '@omnitouch/engine';
import type { CustomerView } from '../routes/customers/customer-view';
import type { ChannelBindingService } from './channel-binding-service';
import type { DeliveryService } from './delivery-service';
import type { StaffSessions } from './staff-sessions';

/**
 * What the front-line routes run on besides the runtime: delivery (streams, dead letters), the
 * channel bindings, the customer view, and the staff sessions `decide` records. All built by the
 * composition root over the same SQLite database as the runtime.
 */
export interface FrontLineDependencies {
  readonly delivery: DeliveryService;
  readonly channelBindings: ChannelBindingService;
  readonly customers: CustomerView;
  readonly staffSessions?: StaffSessions;
  /** Lets a batch of outcomes be checked whole before any is recorded (unknown offers). */
  readonly offers?: Pick<OfferStore, 'get'>;
  /** `decide` latency budget in ms (default 5, the product's p99 target); slower is logged. */
  readonly decideBudgetMs?: number;
  /** Interval of the SSE heartbeat comment in ms (default 15,000). */
  readonly heartbeatMs?: number;
}
