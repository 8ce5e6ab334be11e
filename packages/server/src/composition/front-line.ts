import type { Clock } from '@omnitouch/engine';
import {
  SqliteChannelBindingStore,
  SqliteDeliveryAttemptStore,
  type SqliteDatabase,
  type SqliteStores,
} from '@omnitouch/store-sqlite';
import type { CatalogService } from '../catalog/catalog-service';
import {
  createChannelBindingService,
  type ChannelBindingService,
} from '../delivery/channel-binding-service';
import { createDeliveryService, type DeliveryLogger } from '../delivery/create-delivery-service';
import { createCustomerHistory, createDecisionJournal } from '../delivery/decision-journal';
import type { DecisionJournal, DeliveryService } from '../delivery/delivery-service';
import { createStaffSessions, type StaffSessions } from '../delivery/staff-sessions';
import type { Metrics } from '../metrics';
import { createCustomerView, type CustomerView } from '../routes/customers/customer-view';
import type { DecisionRuntime } from '../runtime/decision-runtime';

/** The delivery side built over the runtime's database: what the runtime and front-line routes use. */
export interface FrontLineParts {
  readonly delivery: DeliveryService;
  readonly journal: DecisionJournal;
  readonly channelBindings: ChannelBindingService;
  readonly staffSessions: StaffSessions;
  /** Needs the runtime (its catalog's bit numbering), so it is built once the runtime exists. */
  customerView(runtime: DecisionRuntime): CustomerView;
}

/**
 * Builds delivery (pending table, channels per touchpoint, retries), the decision journal and the
 * channel bindings. The runtime's loop takes due scheduled deliveries itself, so the delivery
 * service is built without `engine`.
 */
export function createFrontLineParts(deps: {
  readonly db: SqliteDatabase;
  readonly stores: SqliteStores;
  readonly catalog: CatalogService;
  readonly clock: Clock;
  readonly metrics: Metrics;
  readonly logger?: DeliveryLogger;
}): FrontLineParts {
  const journal = createDecisionJournal(deps.db);
  const channelBindings = createChannelBindingService({
    store: new SqliteChannelBindingStore(deps.db),
    touchpointOf: (id) => deps.catalog.snapshot().touchpoints.find((t) => t.id === id),
    clock: deps.clock,
  });
  const staffSessions = createStaffSessions();
  const delivery = createDeliveryService({
    attempts: new SqliteDeliveryAttemptStore(deps.db),
    scheduled: deps.stores.scheduledDeliveries,
    bindings: channelBindings,
    staffSessions,
    clock: deps.clock,
    metrics: deps.metrics,
    inTransaction: (work) => deps.db.transaction(work)(),
    ...(deps.logger && { logger: deps.logger }),
  });
  const history = createCustomerHistory(deps.db);
  return {
    delivery,
    journal,
    channelBindings,
    staffSessions,
    customerView: (runtime) =>
      createCustomerView({
        profiles: deps.stores.profiles,
        catalog: deps.catalog,
        journal,
        history,
        tagIndex: () => runtime.currentCatalog().tagIndex,
      }),
  };
}
