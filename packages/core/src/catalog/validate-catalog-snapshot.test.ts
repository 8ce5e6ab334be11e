import { describe, expect, it } from 'vitest';
import { buildTagIndex } from '../tag-catalog/tag-index';
import type { FieldIssue } from '../validation/field-issue';
import type { CatalogSnapshot } from './catalog-snapshot.schema';
import { buildCatalogSnapshot, buildMarketingCase } from './catalog-snapshot.fixture';
import { validateCatalogSnapshot } from './validate-catalog-snapshot';

/** The issues of the fixture snapshot after `breakIt` changed it (none when it is accepted). */
function issuesAfter(breakIt: (snapshot: CatalogSnapshot) => void): readonly FieldIssue[] {
  const snapshot = buildCatalogSnapshot();
  breakIt(snapshot);
  const result = validateCatalogSnapshot(snapshot);
  return result.ok ? [] : result.issues;
}

const at = <T>(items: readonly T[], index: number): T => {
  const item = items[index];
  if (item === undefined) {
    throw new Error(`fixture has no item ${index}`);
  }
  return item;
};

describe(validateCatalogSnapshot.name, () => {
  it('accepts the fixture operator', () => {
    expect(validateCatalogSnapshot(buildCatalogSnapshot())).toEqual({
      ok: true,
      value: buildCatalogSnapshot(),
    });
  });

  it.each<{ name: string; breakIt: (s: CatalogSnapshot) => void; issues: FieldIssue[] }>([
    {
      name: 'a duplicate tag id',
      breakIt: (s) => s.tagCatalog.tags.push({ ...at(s.tagCatalog.tags, 1) }),
      issues: [
        {
          field: '/tagCatalog/tags/4/id',
          reason: "duplicate tag id 'high-arpu' (first used at /tagCatalog/tags/1)",
        },
      ],
    },
    {
      name: 'a duplicate category id',
      breakIt: (s) => s.tagCatalog.categories.push({ ...at(s.tagCatalog.categories, 0) }),
      issues: [
        {
          field: '/tagCatalog/categories/2/id',
          reason: "duplicate tag category id 'value' (first used at /tagCatalog/categories/0)",
        },
      ],
    },
    {
      name: 'a duplicate attribute id',
      breakIt: (s) => s.tagCatalog.attributes.push({ ...at(s.tagCatalog.attributes, 0) }),
      issues: [
        {
          field: '/tagCatalog/attributes/2/id',
          reason: "duplicate attribute id 'arpu' (first used at /tagCatalog/attributes/0)",
        },
      ],
    },
    {
      name: 'a duplicate event type id',
      breakIt: (s) => s.eventTypes.push({ ...at(s.eventTypes, 1) }),
      issues: [
        {
          field: '/eventTypes/3/id',
          reason: "duplicate event type id 'roaming-start' (first used at /eventTypes/1)",
        },
      ],
    },
    {
      name: 'a duplicate touchpoint id',
      breakIt: (s) => s.touchpoints.push({ ...at(s.touchpoints, 0) }),
      issues: [
        {
          field: '/touchpoints/3/id',
          reason: "duplicate touchpoint id 'sms' (first used at /touchpoints/0)",
        },
      ],
    },
    {
      name: 'a duplicate case id',
      breakIt: (s) => s.cases.push(buildMarketingCase({ version: 2 })),
      issues: [
        {
          field: '/cases/2/id',
          reason: "duplicate marketing case id 'top-up-bonus' (first used at /cases/0)",
        },
      ],
    },
    {
      name: 'a tag in an unknown category',
      breakIt: (s) => (at(s.tagCatalog.tags, 1).categoryId = 'lifestyle'),
      issues: [
        { field: '/tagCatalog/tags/1/categoryId', reason: "unknown tag category 'lifestyle'" },
      ],
    },
    {
      name: 'an attribute in an unknown category',
      breakIt: (s) => (at(s.tagCatalog.attributes, 0).categoryId = 'lifestyle'),
      issues: [
        {
          field: '/tagCatalog/attributes/0/categoryId',
          reason: "unknown tag category 'lifestyle'",
        },
      ],
    },
    {
      name: 'an enum attribute without values',
      breakIt: (s) => delete at(s.tagCatalog.attributes, 1).values,
      issues: [
        {
          field: '/tagCatalog/attributes/1/values',
          reason: 'an enum attribute needs its list of values',
        },
      ],
    },
    {
      name: 'an enum event property without values',
      breakIt: (s) => delete at(s.eventTypes, 0).properties.channel?.values,
      issues: [
        {
          field: '/eventTypes/0/properties/channel/values',
          reason: 'an enum property needs its list of values',
        },
      ],
    },
    {
      name: 'a real-time tag without a TTL',
      breakIt: (s) => delete at(s.tagCatalog.tags, 2).ttlSeconds,
      issues: [
        { field: '/tagCatalog/tags/2/ttlSeconds', reason: 'a real-time tag needs a ttlSeconds' },
      ],
    },
    {
      name: 'a static tag set by events',
      breakIt: (s) => (at(s.tagCatalog.tags, 0).setBy = [{ eventType: 'top-up' }]),
      issues: [
        {
          field: '/tagCatalog/tags/0/setBy',
          reason: 'a static tag is set by imports, not by events: make it real-time or drop setBy',
        },
      ],
    },
    {
      name: 'a real-time tag set by an unknown event type',
      breakIt: (s) => (at(s.tagCatalog.tags, 2).setBy = [{ eventType: 'roam' }]),
      issues: [
        { field: '/tagCatalog/tags/2/setBy/0/eventType', reason: "unknown event type 'roam'" },
      ],
    },
    {
      name: 'an event type in contact at an unknown touchpoint',
      breakIt: (s) => (at(s.eventTypes, 2).inContactAt = 'kiosk'),
      issues: [{ field: '/eventTypes/2/inContactAt', reason: "unknown touchpoint 'kiosk'" }],
    },
    {
      name: 'an event type in contact at an outbound touchpoint',
      breakIt: (s) => (at(s.eventTypes, 2).inContactAt = 'sms'),
      issues: [
        {
          field: '/eventTypes/2/inContactAt',
          reason: "touchpoint 'sms' is outbound: a customer cannot be in contact there",
        },
      ],
    },
    {
      name: 'a preferred delivery method the touchpoint does not offer',
      breakIt: (s) => (at(s.touchpoints, 1).preferredDeliveryMethod = 'sms'),
      issues: [
        {
          field: '/touchpoints/1/preferredDeliveryMethod',
          reason: "delivery method 'sms' is not in this touchpoint's deliveryMethods",
        },
      ],
    },
    {
      name: 'a case strategy on an unknown touchpoint',
      breakIt: (s) => (at(at(s.cases, 0).touchpoints, 0).touchpointId = 'sms-x'),
      issues: [
        { field: '/cases/0/touchpoints/0/touchpointId', reason: "unknown touchpoint 'sms-x'" },
      ],
    },
    {
      name: 'a case strategy with a delivery method the touchpoint lacks',
      breakIt: (s) => (at(at(s.cases, 0).touchpoints, 1).deliveryMethod = 'sms'),
      issues: [
        {
          field: '/cases/0/touchpoints/1/deliveryMethod',
          reason: "touchpoint 'app-push' does not offer delivery method 'sms'",
        },
      ],
    },
    {
      name: 'a touchpoint used twice by one case',
      breakIt: (s) => (at(at(s.cases, 0).touchpoints, 2).touchpointId = 'sms'),
      issues: [
        {
          field: '/cases/0/touchpoints/2/touchpointId',
          reason: "touchpoint 'sms' is already used by this case",
        },
      ],
    },
    {
      name: 'a case valid until the moment it starts',
      breakIt: (s) => (at(s.cases, 1).validUntil = at(s.cases, 1).validFrom),
      issues: [{ field: '/cases/1/validUntil', reason: 'must be later than validFrom' }],
    },
    {
      name: 'a case triggered by an unknown event type',
      breakIt: (s) => (at(s.cases, 1).trigger.eventType = 'roam'),
      issues: [{ field: '/cases/1/trigger/eventType', reason: "unknown event type 'roam'" }],
    },
    {
      name: 'a per-touchpoint cap on an unknown touchpoint',
      breakIt: (s) => (s.contactPolicy.perTouchpoint.kiosk = { count: 1, periodDays: 1 }),
      issues: [
        { field: '/contactPolicy/perTouchpoint/kiosk', reason: "unknown touchpoint 'kiosk'" },
      ],
    },
  ])('rejects $name', ({ breakIt, issues }) => {
    expect(issuesAfter(breakIt)).toEqual(issues);
  });

  it('lists every issue at once, not only the first', () => {
    const issues = issuesAfter((s) => {
      at(s.tagCatalog.tags, 0).categoryId = 'nope';
      at(at(s.cases, 0).touchpoints, 0).touchpointId = 'sms-x';
      at(s.cases, 1).validUntil = 0;
      s.contactPolicy.perTouchpoint.kiosk = { count: 1, periodDays: 1 };
    });
    expect(issues.map((issue) => issue.field)).toEqual([
      '/tagCatalog/tags/0/categoryId',
      '/cases/0/touchpoints/0/touchpointId',
      '/cases/1/validUntil',
      '/contactPolicy/perTouchpoint/kiosk',
    ]);
  });

  it.each<{ name: string; breakIt: (s: CatalogSnapshot) => void; field: string }>([
    {
      name: 'a negative case cap',
      breakIt: (s) => (at(s.cases, 0).caps.perCustomer = { count: -1, periodDays: 30 }),
      field: '/cases/0/caps/perCustomer/count',
    },
    {
      name: 'a NaN cap period',
      breakIt: (s) => (at(s.cases, 0).caps.perCustomer = { count: 1, periodDays: Number.NaN }),
      field: '/cases/0/caps/perCustomer/periodDays',
    },
    {
      name: 'an infinite lifetime cap',
      breakIt: (s) => (at(s.cases, 0).caps.lifetime = Number.POSITIVE_INFINITY),
      field: '/cases/0/caps/lifetime',
    },
    {
      name: 'an infinite daily disturbance cap',
      breakIt: (s) => (s.contactPolicy.disturbancesPerDay = Number.POSITIVE_INFINITY),
      field: '/contactPolicy/disturbancesPerDay',
    },
    {
      name: 'a fractional 30-day cap',
      breakIt: (s) => (s.contactPolicy.disturbancesPer30Days = 1.5),
      field: '/contactPolicy/disturbancesPer30Days',
    },
    {
      name: 'a cap period of a thousand years',
      breakIt: (s) => (s.contactPolicy.perTouchpoint.sms = { count: 1, periodDays: 365_000 }),
      field: '/contactPolicy/perTouchpoint/sms/periodDays',
    },
    {
      name: 'a NaN contact cost',
      breakIt: (s) => (at(s.touchpoints, 0).costPerContact = Number.NaN),
      field: '/touchpoints/0/costPerContact',
    },
    {
      name: 'an unknown top-level field',
      breakIt: (s) => Object.assign(s, { journeys: [] }),
      field: '/journeys',
    },
  ])('rejects $name by schema', ({ breakIt, field }) => {
    expect(issuesAfter(breakIt).map((issue) => issue.field)).toContain(field);
  });

  it.each([null, 'catalog', 42, [], {}])(
    'rejects the non-snapshot %j without throwing',
    (input) => {
      const result = validateCatalogSnapshot(input);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.issues).not.toHaveLength(0);
    },
  );
});

describe(`${validateCatalogSnapshot.name} of rules`, () => {
  it.each<{ name: string; breakIt: (s: CatalogSnapshot) => void; field: string }>([
    {
      name: 'an unknown tag in a target rule',
      breakIt: (s) => (at(s.cases, 0).targetRule = { and: [{ has_tag: '6g-user' }] }),
      field: '/cases/0/targetRule/and/0/has_tag',
    },
    {
      name: 'an unknown attribute in a target rule',
      breakIt: (s) => (at(s.cases, 1).targetRule = { '>': [{ var: 'arpu_2' }, 50] }),
      field: '/cases/1/targetRule',
    },
    {
      name: 'an event property read outside a trigger',
      breakIt: (s) => (at(s.cases, 0).targetRule = { '>': [{ var: 'event.amount' }, 50] }),
      field: '/cases/0/targetRule',
    },
    {
      name: 'an undeclared event property in a trigger condition',
      breakIt: (s) => (at(s.cases, 0).trigger.condition = { '>': [{ var: 'event.amonut' }, 50] }),
      field: '/cases/0/trigger/condition',
    },
    {
      name: 'a count of an uncounted event type',
      breakIt: (s) =>
        (at(s.cases, 0).trigger.condition = { '>': [{ event_count: ['roaming-start', 7] }, 1] }),
      field: '/cases/0/trigger/condition',
    },
    {
      name: 'an undeclared event property in a real-time tag trigger',
      breakIt: (s) =>
        (at(s.tagCatalog.tags, 3).setBy = [
          { eventType: 'top-up', condition: { '>=': [{ var: 'event.sum' }, 100] } },
        ]),
      field: '/tagCatalog/tags/3/setBy/0/condition',
    },
  ])('rejects $name at its location in the snapshot', ({ breakIt, field }) => {
    const issues = issuesAfter(breakIt);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.field.startsWith(field)).toBe(true);
    }
  });

  it('rejects a rule naming a tag that the new snapshot removed', () => {
    const previous = buildTagIndex({
      tags: [
        ...buildCatalogSnapshot().tagCatalog.tags,
        { id: 'retired', categoryId: 'value', name: { 'zh-CN': 'r', en: 'r' }, kind: 'static' },
      ],
    });
    const snapshot = buildCatalogSnapshot();
    at(snapshot.cases, 0).targetRule = { has_tag: 'retired' };
    const result = validateCatalogSnapshot(snapshot, previous);
    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual([
      '/cases/0/targetRule/has_tag',
    ]);
  });
});
