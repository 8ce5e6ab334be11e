import {
  compileDecisionCatalog,
  validateCustomerEvent,
  type CatalogSnapshot,
  type CustomerEventType,
} from '@omnitouch/core';
import {
  FakeClock,
  InMemoryOfferStore,
  InMemoryOutcomeStore,
  InMemoryProfileStore,
  buildCatalogSnapshot,
  buildCustomerEvent,
  createSequentialIds,
} from '@omnitouch/testkit';
import { describe, expect, it } from 'vitest';
import { createDecisionEngine } from './decision-engine';

const now = Date.UTC(2026, 10, 25, 4, 0);

function compile(snapshot: CatalogSnapshot) {
  const compiled = compileDecisionCatalog(snapshot);
  if (!compiled.ok) {
    throw new Error(JSON.stringify(compiled.issues));
  }
  return compiled.value;
}

function engineOver(snapshot: CatalogSnapshot) {
  const catalog = compile(snapshot);
  const engine = createDecisionEngine({
    profiles: new InMemoryProfileStore(),
    offers: new InMemoryOfferStore(),
    outcomes: new InMemoryOutcomeStore(),
    clock: new FakeClock(now),
    catalog,
    newOfferId: createSequentialIds('offer-'),
  });
  return { engine, catalog };
}

describe('ingest with validatedAgainst', () => {
  const snapshot = buildCatalogSnapshot();

  it('decides an event accepted against the current catalog exactly as an unvalidated one', () => {
    const input = buildCustomerEvent({ occurredAt: now });
    const plain = engineOver(snapshot).engine.ingest(input);
    const { engine, catalog } = engineOver(snapshot);
    const accepted = validateCustomerEvent(input, catalog);
    expect(accepted.ok).toBe(true);
    const trusted = accepted.ok && engine.ingest(accepted.value, { validatedAgainst: catalog });
    expect(trusted).toEqual(plain);
    expect(plain.ok && plain.value.actions.length).toBeGreaterThan(0);
  });

  it('validates again after a catalog swap, so an event of a removed type is rejected', () => {
    const probe = { ...(snapshot.eventTypes[0] as CustomerEventType), id: 'probe', properties: {} };
    const { engine, catalog } = engineOver({
      ...snapshot,
      eventTypes: [...snapshot.eventTypes, probe],
    });
    const input = buildCustomerEvent({ type: 'probe', properties: {}, occurredAt: now });
    const accepted = validateCustomerEvent(input, catalog);
    expect(accepted.ok).toBe(true);
    engine.loadCatalog(compile(snapshot));
    const decision = accepted.ok && engine.ingest(accepted.value, { validatedAgainst: catalog });
    expect(decision).toMatchObject({ ok: false, issues: [{ field: '/type' }] });
  });
});
