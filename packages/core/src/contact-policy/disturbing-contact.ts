import type { MarketingCase } from '../marketing-case/marketing-case.schema';
import type { Touchpoint } from '../touchpoint/touchpoint.schema';

/**
 * Whether a contact of this case on this touchpoint counts towards the disturbance caps: only an
 * outbound touchpoint marked `isDisturbance` disturbs, and service notices (transactional cases)
 * never do. This is the value to store in `ContactRecord.disturbing`.
 */
export function isDisturbingContact(
  touchpoint: Pick<Touchpoint, 'kind' | 'isDisturbance'>,
  marketingCase: Pick<MarketingCase, 'transactional'>,
): boolean {
  return (
    touchpoint.isDisturbance &&
    touchpoint.kind === 'outbound' &&
    marketingCase.transactional !== true
  );
}
