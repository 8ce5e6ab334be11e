import { buildTagIndex, type TagIndex } from '../tag-catalog/tag-index';
import { checkSchema } from '../validation/check-schema';
import { accepted, rejected, type Validated } from '../validation/field-issue';
import { checkCaseReferences } from './case-references';
import { mapById } from './catalog-ids';
import { buildCatalogRuleScopes } from './catalog-rule-scope';
import { checkCatalogRules } from './catalog-rules';
import { CatalogSnapshot } from './catalog-snapshot.schema';
import { checkTagCatalogReferences } from './tag-catalog-references';
import {
  checkContactPolicyReferences,
  checkEventTypeReferences,
  checkTouchpointReferences,
} from './touchpoint-references';

/**
 * Accepts `input` as a catalog snapshot, or lists every issue: schema violations first (then
 * nothing else, as references in a malformed snapshot cannot be followed), otherwise every broken
 * cross-reference and every issue of every rule, as JSON Pointers into `input`. `previous` is the
 * tag index of the catalog in force, so bit numbering is checked as it will be compiled. Never throws.
 */
export function validateCatalogSnapshot(
  input: unknown,
  previous?: TagIndex,
): Validated<CatalogSnapshot> {
  const schema = checkSchema(CatalogSnapshot, input);
  if (!schema.ok) {
    return schema;
  }
  const snapshot = schema.value;
  const eventTypeIds = new Set(snapshot.eventTypes.map((eventType) => eventType.id));
  const touchpoints = mapById(snapshot.touchpoints);
  const scopes = buildCatalogRuleScopes(snapshot, buildTagIndex(snapshot.tagCatalog, previous));
  const issues = [
    ...checkTagCatalogReferences(snapshot.tagCatalog, eventTypeIds),
    ...checkEventTypeReferences(snapshot.eventTypes, touchpoints),
    ...checkTouchpointReferences(snapshot.touchpoints),
    ...checkCaseReferences(snapshot.cases, eventTypeIds, touchpoints),
    ...checkContactPolicyReferences(snapshot.contactPolicy, touchpoints),
    ...checkCatalogRules(snapshot, scopes),
  ];
  return issues.length === 0 ? accepted(snapshot) : rejected(issues);
}
