// Test-only builders shared by the contact-policy tests (core cannot import testkit's factories).
import type { ContactRecord, CustomerProfile } from '../customer-profile/customer-profile';
import type {
  CaseTouchpointStrategy,
  MarketingCase,
} from '../marketing-case/marketing-case.schema';
import type { Touchpoint } from '../touchpoint/touchpoint.schema';
import { defaultContactPolicy, type ContactPolicy } from './contact-policy.schema';
import type { ContactPolicyInput } from './contact-verdict';

/** Wednesday 2026-11-25 10:00 in China Standard Time (02:00 UTC). */
export const fixedNow = Date.UTC(2026, 10, 25, 2, 0);
export const hour = 3_600_000;
export const day = 86_400_000;

export function buildProfile(overrides: Partial<CustomerProfile> = {}): CustomerProfile {
  return {
    customerId: 'c-1',
    tags: new Uint32Array(1),
    attributes: {},
    consent: { unsubscribed: false },
    ...overrides,
  };
}

export function buildTouchpoint(overrides: Partial<Touchpoint> = {}): Touchpoint {
  return {
    id: 'sms',
    name: { 'zh-CN': '短信', en: 'SMS' },
    kind: 'outbound',
    audience: 'customer',
    deliveryMethods: ['sms'],
    preferredDeliveryMethod: 'sms',
    isDisturbance: true,
    costPerContact: 0.05,
    ...overrides,
  };
}

export function buildStrategy(overrides: Partial<CaseTouchpointStrategy> = {}) {
  const strategy: CaseTouchpointStrategy = {
    touchpointId: 'sms',
    preference: 0,
    template: { 'zh-CN': '流量包', en: 'Data pack' },
    delaySeconds: 0,
    validForSeconds: 86_400,
    allowOutbound: true,
    ...overrides,
  };
  return strategy;
}

export function buildCase(overrides: Partial<MarketingCase> = {}): MarketingCase {
  return {
    id: 'data-pack',
    version: 1,
    name: { 'zh-CN': '流量包', en: 'Data pack' },
    status: 'live',
    targetRule: true,
    trigger: { eventType: 'quota-alert' },
    touchpoints: [buildStrategy()],
    validFrom: 0,
    validUntil: fixedNow + 365 * day,
    value: 30,
    priority: 1,
    caps: {},
    ...overrides,
  };
}

export function buildPolicy(overrides: Partial<ContactPolicy> = {}): ContactPolicy {
  return { ...defaultContactPolicy, ...overrides };
}

/** A disturbing SMS contact of `caseId` made `hoursAgo` before `fixedNow`. */
export function pastContact(hoursAgo: number, overrides: Partial<ContactRecord> = {}) {
  const contact: ContactRecord = {
    at: fixedNow - hoursAgo * hour,
    touchpointId: 'sms',
    caseId: 'data-pack',
    disturbing: true,
    ...overrides,
  };
  return contact;
}

export function buildInput(overrides: Partial<ContactPolicyInput> = {}): ContactPolicyInput {
  return {
    policy: buildPolicy(),
    profile: buildProfile(),
    touchpoint: buildTouchpoint(),
    strategy: buildStrategy(),
    marketingCase: buildCase(),
    now: fixedNow,
    inContact: false,
    ...overrides,
  };
}
