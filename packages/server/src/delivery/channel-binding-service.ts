import type { FieldIssue, Touchpoint } from '@omnitouch/core';
import type { Clock } from '@omnitouch/engine';
import type { ChannelBinding, SqliteChannelBindingStore } from '@omnitouch/store-sqlite';

/** A touchpoint's channel as in force: the stored binding, or the default when none is stored. */
export interface ResolvedChannelBinding {
  readonly binding: ChannelBinding;
  readonly isDefault: boolean;
  readonly touchpoint: Touchpoint;
}

/** Why a binding write was refused: the touchpoint is unknown, or fields are missing or bad. */
export type ChannelBindingWriteError =
  | { readonly kind: 'unknown-touchpoint' }
  | { readonly kind: 'invalid'; readonly issues: readonly FieldIssue[] };

/**
 * The channel bindings of touchpoints (webhook, log, staff screens). `version` grows on every
 * change, so the channel directory knows when to rebuild what it cached.
 */
export interface ChannelBindingService {
  readonly version: number;
  /** The binding in force; undefined when the touchpoint is not in the catalog. */
  resolve(touchpointId: string): ResolvedChannelBinding | undefined;
  /**
   * Stores `binding`. A webhook binding without `secret` keeps the stored secret (the API never
   * returns it, so a client changing the URL cannot resend it).
   */
  put(
    binding: ChannelBinding,
  ): { ok: true; created: boolean } | ({ ok: false } & ChannelBindingWriteError);
  /** Removes the stored binding (the default applies again); false when none was stored. */
  remove(touchpointId: string): boolean;
}

/**
 * The channel a touchpoint gets with no binding: its staff screens when staff see the offer or the
 * customer is in contact with us there (inbound), else the log — a touchpoint is never silently
 * without a channel.
 */
export function defaultChannelBinding(touchpoint: Touchpoint): ChannelBinding {
  const toScreens = touchpoint.audience === 'staff' || touchpoint.kind === 'inbound';
  return { touchpointId: touchpoint.id, kind: toScreens ? 'staff-screen' : 'log' };
}

export function createChannelBindingService(deps: {
  readonly store: SqliteChannelBindingStore;
  /** The touchpoint in the catalog in force. */
  readonly touchpointOf: (touchpointId: string) => Touchpoint | undefined;
  readonly clock: Clock;
}): ChannelBindingService {
  let version = 0;
  return {
    get version() {
      return version;
    },
    resolve(touchpointId) {
      const touchpoint = deps.touchpointOf(touchpointId);
      if (touchpoint === undefined) {
        return undefined;
      }
      const stored = deps.store.get(touchpointId);
      return stored === undefined
        ? { binding: defaultChannelBinding(touchpoint), isDefault: true, touchpoint }
        : { binding: stored, isDefault: false, touchpoint };
    },
    put(binding) {
      if (deps.touchpointOf(binding.touchpointId) === undefined) {
        return { ok: false, kind: 'unknown-touchpoint' };
      }
      const stored = deps.store.get(binding.touchpointId);
      const secret = binding.secret ?? (binding.kind === 'webhook' ? stored?.secret : undefined);
      const complete = { ...binding, ...(secret !== undefined && { secret }) };
      const issues = checkChannelBinding(complete);
      if (issues.length > 0) {
        return { ok: false, kind: 'invalid', issues };
      }
      const created = deps.store.put(complete, deps.clock.now());
      version += 1;
      return { ok: true, created };
    },
    remove(touchpointId) {
      const removed = deps.store.delete(touchpointId);
      version += 1;
      return removed;
    },
  };
}

/** Cross-field rules the body schema cannot say: a webhook needs an http(s) URL and a secret. */
export function checkChannelBinding(binding: ChannelBinding): FieldIssue[] {
  if (binding.kind !== 'webhook') {
    return [];
  }
  const issues: FieldIssue[] = [];
  if (binding.url === undefined) {
    issues.push({ field: '/url', reason: 'required for a webhook channel' });
  } else if (!isHttpUrl(binding.url)) {
    issues.push({ field: '/url', reason: 'must be an http or https URL' });
  }
  if (binding.secret === undefined || binding.secret.length === 0) {
    issues.push({ field: '/secret', reason: 'required for a webhook channel' });
  }
  return issues;
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
