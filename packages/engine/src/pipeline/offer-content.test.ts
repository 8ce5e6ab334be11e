import {
  renderTemplate,
  type CustomerEvent,
  type CustomerProfile,
  type LocalizedText,
} from '@omnitouch/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderOfferContent } from './offer-content';

// Not `__proto__`: the spread below would make it an own key, which the pipeline's variables never
// had (assigning a scalar to `__proto__` is a no-op); it renders as a gap, tested on its own.
const names = ['amount', 'city', 'plan', 'a.b', 'amount.x', 'toString', 'constructor', 'missing'];

const piece = fc.oneof(
  fc.constantFrom('充值', 'Top up ', ' now', '{', '}}', '{{ }}', '{{bad name}}', ''),
  fc.constantFrom(...names).map((name) => `{{${name}}}`),
  fc.constantFrom(...names).map((name) => `{{  ${name} }}`),
);
const text = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join(''));
const scalar = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom(0, 12.5, -3, Number.NaN),
  fc.boolean(),
);
const record = <T>(value: fc.Arbitrary<T>) => fc.dictionary(fc.constantFrom(...names), value);

describe(renderOfferContent.name, () => {
  it('renders exactly as renderTemplate over the attributes overridden by the properties', () => {
    fc.assert(
      fc.property(
        text,
        text,
        record(fc.oneof(scalar, fc.constant(null))),
        record(fc.oneof(fc.string({ maxLength: 4 }), fc.integer())),
        (zh, en, properties, attributes) => {
          const template: LocalizedText = { 'zh-CN': zh, en };
          const event = { properties } as unknown as CustomerEvent;
          const profile = { attributes } as unknown as CustomerProfile;
          expect(renderOfferContent(template, profile, event)).toEqual(
            renderTemplate(template, { ...attributes, ...properties }),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('fills a placeholder from the event before the profile', () => {
    const template = { 'zh-CN': '充值{{ amount }}元', en: 'Top up {{amount}} in {{city}}' };
    const event = { properties: { amount: 50 } } as unknown as CustomerEvent;
    const profile = { attributes: { amount: 10, city: 'Hangzhou' } } as unknown as CustomerProfile;
    expect(renderOfferContent(template, profile, event)).toEqual({
      'zh-CN': '充值50元',
      en: 'Top up 50 in Hangzhou',
    });
  });

  it('renders a __proto__ placeholder as a gap, whatever the event carries', () => {
    const template = { 'zh-CN': '[{{__proto__}}]', en: '[{{ __proto__ }}]' };
    const properties = Object.fromEntries([['__proto__', 'x']]);
    const event = { properties } as unknown as CustomerEvent;
    const profile = { attributes: {} } as unknown as CustomerProfile;
    expect(renderOfferContent(template, profile, event)).toEqual({ 'zh-CN': '[]', en: '[]' });
  });
});
