import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerEvent } from '../customer-event/customer-event.schema';
import { checkSchema } from '../validation/check-schema';
import type { FieldIssue } from '../validation/field-issue';
import { buildCatalogSnapshot } from './catalog-snapshot.fixture';
import { compileDecisionCatalog } from './compile-decision-catalog';
import type { DecisionCatalog } from './decision-catalog';
import { validateCustomerEvent } from './validate-customer-event';

const now = Date.UTC(2026, 10, 25, 8, 0, 0);

const catalog = ((): DecisionCatalog => {
  const result = compileDecisionCatalog(buildCatalogSnapshot());
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.value;
})();

const topUp = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  eventId: 'e1',
  customerId: 'c1',
  type: 'top-up',
  occurredAt: now,
  properties,
  ...extra,
});

const issuesOf = (input: unknown): readonly FieldIssue[] => {
  const result = validateCustomerEvent(input, catalog);
  return result.ok ? [] : result.issues;
};

describe(validateCustomerEvent.name, () => {
  it('accepts an event of a known type with well-typed properties', () => {
    const input = topUp({ amount: 50, channel: 'app', firstTime: true, note: 'hi', paidAt: now });
    expect(validateCustomerEvent(input, catalog)).toEqual({ ok: true, value: input });
  });

  it.each([
    { paidAt: now, epochMs: now },
    { paidAt: '2026-11-25', epochMs: Date.UTC(2026, 10, 25) },
    { paidAt: '2026-11-25T08:00:00Z', epochMs: now },
    { paidAt: '2026-11-25T16:00:00.000+08:00', epochMs: now },
  ])('accepts the date $paidAt as epoch ms $epochMs', ({ paidAt, epochMs }) => {
    const input = topUp({ amount: 5, paidAt });
    const result = validateCustomerEvent(input, catalog);
    expect(result.ok && result.value.properties.paidAt).toBe(epochMs);
    expect(input.properties.paidAt).toBe(paidAt);
  });

  it('accepts a null optional property', () => {
    expect(issuesOf(topUp({ amount: 5, note: null }))).toEqual([]);
  });

  it('rejects an unknown event type', () => {
    expect(issuesOf(topUp({}, { type: 'top-upp' }))).toEqual([
      { field: '/type', reason: "unknown event type 'top-upp'" },
    ]);
  });

  it.each([
    { properties: {}, field: '/properties/amount', reason: "is required by event type 'top-up'" },
    {
      properties: { amount: null },
      field: '/properties/amount',
      reason: "is required by event type 'top-up'",
    },
    {
      properties: { amount: '10' },
      field: '/properties/amount',
      reason: 'must be a finite number',
    },
    {
      properties: { amount: 5, channel: 'atm' },
      field: '/properties/channel',
      reason: "must be one of 'app', 'store', 'bank'",
    },
    {
      properties: { amount: 5, firstTime: 'yes' },
      field: '/properties/firstTime',
      reason: 'must be true or false',
    },
    { properties: { amount: 5, note: 7 }, field: '/properties/note', reason: 'must be a string' },
    {
      properties: { amount: 5, bonus: 1 },
      field: '/properties/bonus',
      reason: "is not a property of event type 'top-up'",
    },
  ])('rejects $field: $reason', ({ properties, field, reason }) => {
    expect(issuesOf(topUp(properties))).toEqual([{ field, reason }]);
  });

  it.each(['2026-11-25T08:00:00', 'yesterday', '2026-13-45', '25/11/2026'])(
    'rejects the date %s',
    (paidAt) => {
      expect(issuesOf(topUp({ amount: 5, paidAt })).map((issue) => issue.field)).toEqual([
        '/properties/paidAt',
      ]);
    },
  );

  it('lists schema and catalog issues together', () => {
    const issues = issuesOf(topUp({ amount: 'ten', extra: true }, { occurredAt: -1 }));
    expect(issues.map((issue) => issue.field).sort()).toEqual([
      '/occurredAt',
      '/properties/amount',
      '/properties/extra',
    ]);
  });

  it('reports a property of a non-primitive type once', () => {
    const issues = issuesOf(topUp({ amount: { value: 5 } }));
    expect(issues.map((issue) => issue.field)).toEqual(['/properties/amount']);
  });

  it.each([null, 'event', 42, []])('rejects the non-event %j without throwing', (input) => {
    expect(issuesOf(input)).not.toHaveLength(0);
  });

  it('never accepts an input the CustomerEvent schema rejects (the fast path checks no less)', () => {
    const value = fc.oneof(
      fc.constantFrom('', 'e1', 'top-up', 'Top-up', 'top-up\n', 'x'.repeat(201)),
      fc.constantFrom(0, -1, 5, Number.NaN, Number.POSITIVE_INFINITY),
      fc.constantFrom(true, null, undefined, [], {}, new Date(0)),
    );
    // A valid event with one part replaced: a field, a property, or an extra key.
    const input = fc.tuple(
      fc.constantFrom('eventId', 'customerId', 'type', 'occurredAt', 'properties', 'extra'),
      fc.constantFrom('amount', 'note', 'x\ny'),
      fc.boolean(),
      value,
    );
    fc.assert(
      fc.property(input, ([field, property, inProperties, replacement]) => {
        const candidate: Record<string, unknown> = topUp({ amount: 5 });
        if (inProperties && field === 'properties') {
          candidate.properties = { amount: 5, [property]: replacement };
        } else {
          candidate[field] = replacement;
        }
        const result = validateCustomerEvent(candidate, catalog);
        if (!checkSchema(CustomerEvent, candidate).ok) {
          expect(result.ok).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects a type outside the id pattern even when the catalog has an entry under it', () => {
    const topUpType = catalog.eventTypes.get('top-up');
    const loose: DecisionCatalog = {
      ...catalog,
      eventTypes: new Map([
        ...catalog.eventTypes,
        ['Top_Up', topUpType as NonNullable<typeof topUpType>],
      ]),
    };
    const input = topUp({ amount: 5 }, { type: 'Top_Up' });
    expect(validateCustomerEvent(input, loose).ok).toBe(false);
    expect(validateCustomerEvent(topUp({ amount: 5 }), loose).ok).toBe(true);
  });
});
