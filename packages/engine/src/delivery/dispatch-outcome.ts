import type { DeadLetter } from '../ports/delivery-attempt-store';
import type { Delivery } from '../ports/delivery-channel';

/** What one dispatch came to; reported to `onResult` (metrics, outcomes) and returned. Times epoch ms. */
export type DispatchOutcome =
  | {
      readonly kind: 'delivered';
      readonly delivery: Delivery;
      readonly attempt: number;
      readonly at: number;
    }
  | {
      readonly kind: 'retry-scheduled';
      readonly delivery: Delivery;
      readonly attempt: number;
      readonly reason: string;
      readonly retryAt: number;
    }
  | {
      readonly kind: 'dead-lettered';
      readonly delivery: Delivery;
      readonly attempt: number;
      readonly letter: DeadLetter;
      /** Set when our own code threw (a bug to log as an error, not a destination's failure). */
      readonly error?: unknown;
    }
  | { readonly kind: 'expired'; readonly delivery: Delivery; readonly at: number };
