import {
  LogChannel,
  StaffScreenChannel,
  WebhookChannel,
  type StaffScreenHub,
} from '@omnitouch/channels';
import type {
  ChannelDirectory,
  Clock,
  Delivery,
  DeliveryChannel,
  RetryPolicy,
} from '@omnitouch/engine';
import { defaultRetryPolicy } from '@omnitouch/engine';
import type { ChannelBinding } from '@omnitouch/store-sqlite';
import type { ChannelBindingService } from './channel-binding-service';

/** Where the log channel writes its lines (the server passes its pino logger's `info`). */
export type DeliveryLogSink = (line: string) => void;

export interface TouchpointChannelsDeps {
  readonly bindings: ChannelBindingService;
  readonly hub: StaffScreenHub;
  readonly clock: Clock;
  readonly logSink: DeliveryLogSink;
  /** The staff member serving the delivery's customer, when one is known. */
  readonly staffFor?: (delivery: Delivery) => string | undefined;
}

/**
 * A staff screen is a live conversation: an offer that no screen took within about half a minute
 * is stale, so staff-screen deliveries get a short round (1 s, 2 s, 4 s … up to 4 attempts).
 */
export const staffScreenRetryPolicy: RetryPolicy = {
  baseDelayMs: 1_000,
  factor: 2,
  maxDelayMs: 8_000,
  maxAttempts: 4,
};

/**
 * The delivery channel of each touchpoint, built from its binding (see `ChannelBindingService`) and
 * cached until the bindings change or the catalog's touchpoint object is replaced.
 */
export interface TouchpointChannels extends ChannelDirectory {
  /** The retry policy for a touchpoint's deliveries, by its channel kind. */
  retryPolicy(touchpointId: string): RetryPolicy;
  /**
   * Whether the touchpoint's channel lives in this process (log, staff screen): nothing to redeliver
   * after a crash, so its deliveries skip the durable pending table (decision 0003).
   */
  isInProcess(touchpointId: string): boolean;
}

interface CachedChannel {
  readonly version: number;
  readonly binding: ChannelBinding;
  readonly channel: DeliveryChannel;
}

export function createTouchpointChannels(deps: TouchpointChannelsDeps): TouchpointChannels {
  const cache = new Map<string, CachedChannel>();
  const lookup = (touchpointId: string): CachedChannel | undefined => {
    const hit = cache.get(touchpointId);
    if (hit !== undefined && hit.version === deps.bindings.version) {
      return hit;
    }
    const resolved = deps.bindings.resolve(touchpointId);
    if (resolved === undefined) {
      cache.delete(touchpointId);
      return undefined;
    }
    const entry = {
      version: deps.bindings.version,
      binding: resolved.binding,
      channel: buildChannel(resolved.binding, deps),
    };
    cache.set(touchpointId, entry);
    return entry;
  };
  return {
    get: (touchpointId) => lookup(touchpointId)?.channel,
    retryPolicy: (touchpointId) =>
      lookup(touchpointId)?.binding.kind === 'staff-screen'
        ? staffScreenRetryPolicy
        : defaultRetryPolicy,
    isInProcess: (touchpointId) => {
      const kind = lookup(touchpointId)?.binding.kind;
      return kind === 'log' || kind === 'staff-screen';
    },
  };
}

function buildChannel(binding: ChannelBinding, deps: TouchpointChannelsDeps): DeliveryChannel {
  const id = `${binding.kind}:${binding.touchpointId}`;
  switch (binding.kind) {
    case 'webhook':
      // The binding service refuses a webhook without url and secret, so both are set here.
      return new WebhookChannel({
        id,
        url: binding.url ?? '',
        secret: binding.secret ?? '',
        clock: deps.clock,
        ...(binding.timeoutMs !== undefined && { timeoutMs: binding.timeoutMs }),
      });
    case 'log':
      return new LogChannel({ id, sink: deps.logSink, clock: deps.clock });
    case 'staff-screen':
      return new StaffScreenChannel({
        id,
        hub: deps.hub,
        clock: deps.clock,
        ...(deps.staffFor !== undefined && { staffFor: deps.staffFor }),
      });
    default: {
      const unreachable: never = binding.kind;
      throw new Error(`unknown channel kind ${String(unreachable)}`);
    }
  }
}
