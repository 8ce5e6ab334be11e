import { Type, type Static } from '@sinclair/typebox';
import { CatalogId } from '../i18n/localized-text';
import { FrequencyCap } from '../marketing-case/marketing-case.schema';

/**
 * The operator-wide contact policy (接触管控). Defaults follow the reference operator: at most 15
 * disturbing contacts per customer per rolling 30 days (down from 60 in the batch-SMS era).
 */
export const ContactPolicy = Type.Object(
  {
    disturbancesPer30Days: Type.Integer({ minimum: 0, maximum: 1000 }),
    disturbancesPerDay: Type.Integer({ minimum: 0, maximum: 100 }),
    perTouchpoint: Type.Record(CatalogId, FrequencyCap),
    defaultDeclineCooldownDays: Type.Integer({ minimum: 0, maximum: 365 }),
    /** Used when a profile carries no offset of its own (China Standard Time = +480). */
    defaultUtcOffsetMinutes: Type.Integer({ minimum: -720, maximum: 840 }),
    /** Offers to present per touchpoint per interaction. */
    offersPerInteraction: Type.Integer({ minimum: 1, maximum: 20 }),
  },
  { additionalProperties: false },
);
export type ContactPolicy = Static<typeof ContactPolicy>;

export const defaultContactPolicy: ContactPolicy = {
  disturbancesPer30Days: 15,
  disturbancesPerDay: 2,
  perTouchpoint: {},
  defaultDeclineCooldownDays: 7,
  defaultUtcOffsetMinutes: 480,
  offersPerInteraction: 3,
};
