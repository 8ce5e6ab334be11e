import { Type, type Static } from '@sinclair/typebox';
import { ContactPolicy } from '../contact-policy/contact-policy.schema';
import { CustomerEventType } from '../customer-event/customer-event.schema';
import { MarketingCase } from '../marketing-case/marketing-case.schema';
import { TagCatalog } from '../tag-catalog/tag-catalog.schema';
import { Touchpoint } from '../touchpoint/touchpoint.schema';

/**
 * Everything the decision core needs to know about the operator, published as one versioned unit:
 * tags and attributes, event types, touchpoints, marketing cases and the contact policy. Validate
 * it with `validateCatalogSnapshot`; the schema alone does not check cross-references.
 */
export const CatalogSnapshot = Type.Object(
  {
    tagCatalog: TagCatalog,
    eventTypes: Type.Array(CustomerEventType, { maxItems: 5000 }),
    touchpoints: Type.Array(Touchpoint, { maxItems: 1000 }),
    cases: Type.Array(MarketingCase, { maxItems: 20000 }),
    contactPolicy: ContactPolicy,
  },
  { additionalProperties: false },
);
export type CatalogSnapshot = Static<typeof CatalogSnapshot>;
