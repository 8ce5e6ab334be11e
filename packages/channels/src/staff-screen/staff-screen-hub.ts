import type { DeliveryPayload } from '../delivery-payload';

/** Which screens a subscriber is: every screen of a touchpoint, or one staff member's. */
export interface StaffScreenAddress {
  readonly touchpointId: string;
  readonly staffId?: string;
}

/** An offer pushed to front-line screens; `staffId` set when it is for one clerk or agent only. */
export interface StaffScreenMessage extends DeliveryPayload {
  readonly staffId?: string;
}

export type StaffScreenListener = (message: StaffScreenMessage) => void;

interface TouchpointScreens {
  /** Subscribed to the whole touchpoint (a supervisor's board, a shared store screen). */
  readonly everyone: Set<StaffScreenListener>;
  readonly byStaff: Map<string, Set<StaffScreenListener>>;
}

/**
 * In-process publish/subscribe between delivery and the front-line screens (the server's SSE
 * stream per touchpoint and per staff member). A message for one staff member reaches that
 * member's screens and the touchpoint-wide ones; a message for nobody in particular reaches all.
 */
export class StaffScreenHub {
  private readonly touchpoints = new Map<string, TouchpointScreens>();

  /** `onListenerError` hears a listener's throw (e.g. a closed stream); the others still receive. */
  constructor(
    private readonly onListenerError: (
      error: unknown,
      address: StaffScreenAddress,
    ) => void = () => {},
  ) {}

  /** Adds a screen; returns the function that removes it (safe to call twice). */
  subscribe(address: StaffScreenAddress, listener: StaffScreenListener): () => void {
    const screens = this.screensOf(address.touchpointId);
    const set =
      address.staffId === undefined ? screens.everyone : this.staffSet(screens, address.staffId);
    // Wrap so the same function subscribed twice counts as two screens.
    const entry: StaffScreenListener = (message) => listener(message);
    set.add(entry);
    return () => {
      set.delete(entry);
      this.prune(address);
    };
  }

  /** Hands the message to every matching screen; returns how many took it without throwing. */
  publish(message: StaffScreenMessage): number {
    const screens = this.touchpoints.get(message.touchpointId);
    if (screens === undefined) {
      return 0;
    }
    let received = 0;
    for (const [listener, staffId] of this.recipients(screens, message.staffId)) {
      try {
        listener(message);
        received += 1;
      } catch (error) {
        this.onListenerError(error, {
          touchpointId: message.touchpointId,
          ...(staffId ? { staffId } : {}),
        });
      }
    }
    return received;
  }

  /** Screens connected to a touchpoint (all of them, or one staff member's own). */
  screenCount(address: StaffScreenAddress): number {
    const screens = this.touchpoints.get(address.touchpointId);
    if (screens === undefined) {
      return 0;
    }
    if (address.staffId !== undefined) {
      return screens.byStaff.get(address.staffId)?.size ?? 0;
    }
    let count = screens.everyone.size;
    for (const set of screens.byStaff.values()) {
      count += set.size;
    }
    return count;
  }

  private *recipients(
    screens: TouchpointScreens,
    staffId: string | undefined,
  ): Generator<[StaffScreenListener, string | undefined]> {
    // Snapshots, so a listener that unsubscribes while being called does not skip a neighbour.
    for (const listener of [...screens.everyone]) {
      yield [listener, undefined];
    }
    const staff =
      staffId === undefined
        ? [...screens.byStaff]
        : [[staffId, screens.byStaff.get(staffId)] as const];
    for (const [id, set] of staff) {
      for (const listener of [...(set ?? [])]) {
        yield [listener, id];
      }
    }
  }

  private screensOf(touchpointId: string): TouchpointScreens {
    let screens = this.touchpoints.get(touchpointId);
    if (screens === undefined) {
      screens = { everyone: new Set(), byStaff: new Map() };
      this.touchpoints.set(touchpointId, screens);
    }
    return screens;
  }

  private staffSet(screens: TouchpointScreens, staffId: string): Set<StaffScreenListener> {
    let set = screens.byStaff.get(staffId);
    if (set === undefined) {
      set = new Set();
      screens.byStaff.set(staffId, set);
    }
    return set;
  }

  /** Drops empty entries so a day of clerks logging in and out does not grow the maps. */
  private prune({ touchpointId, staffId }: StaffScreenAddress): void {
    const screens = this.touchpoints.get(touchpointId);
    if (screens === undefined) {
      return;
    }
    if (staffId !== undefined && screens.byStaff.get(staffId)?.size === 0) {
      screens.byStaff.delete(staffId);
    }
    if (screens.everyone.size === 0 && screens.byStaff.size === 0) {
      this.touchpoints.delete(touchpointId);
    }
  }
}
