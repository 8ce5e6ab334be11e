import type { Delivery } from '@omnitouch/engine';

/**
 * Which staff member is serving which customer at which touchpoint, learnt from `decide` calls that
 * name a `staffId`, so the offer reaches that clerk's screen (and the touchpoint-wide board) rather
 * than every clerk's. A session lasts `ttlMs` after the last call (default 30 min).
 */
export interface StaffSessions {
  remember(session: {
    readonly customerId: string;
    readonly touchpointId: string;
    readonly staffId: string;
    readonly at: number;
  }): void;
  /** The staff member serving the delivery's customer there, if a session is open at `now`. */
  staffFor(
    delivery: Pick<Delivery, 'customerId' | 'touchpointId'>,
    now: number,
  ): string | undefined;
}

export function createStaffSessions(ttlMs = 30 * 60_000, maxSessions = 100_000): StaffSessions {
  const sessions = new Map<string, { staffId: string; until: number }>();
  const keyOf = (customerId: string, touchpointId: string) => `${touchpointId}\u0000${customerId}`;
  return {
    remember({ customerId, touchpointId, staffId, at }) {
      // Bounded: an idle server never grows; cleared wholesale, which only loses routing hints.
      if (sessions.size >= maxSessions) {
        sessions.clear();
      }
      sessions.set(keyOf(customerId, touchpointId), { staffId, until: at + ttlMs });
    },
    staffFor(delivery, now) {
      const session = sessions.get(keyOf(delivery.customerId, delivery.touchpointId));
      return session !== undefined && session.until > now ? session.staffId : undefined;
    },
  };
}
