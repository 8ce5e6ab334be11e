import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerDirectory, numericKey } from './customer-directory';

describe(numericKey.name, () => {
  it.each([
    ['13800138000', 13_800_138_000],
    ['1', 1],
    ['999999999999999', 999_999_999_999_999],
    ['0', -1],
    ['013800138000', -1],
    ['1000000000000000', -1], // 16 digits: past what a double keeps exactly for every id
    ['', -1],
    ['c-1', -1],
    ['138 0013 8000', -1],
    ['12a', -1],
    ['１２３', -1], // full-width digits are not ASCII digits
  ])('%j → %d', (id, key) => {
    expect(numericKey(id)).toBe(key);
  });
});

describe(CustomerDirectory.name, () => {
  it('numbers customers densely in the order they are first added', () => {
    const directory = new CustomerDirectory();
    expect(directory.add('13800138000')).toBe(0);
    expect(directory.add('c-7')).toBe(1);
    expect(directory.add('13800138001')).toBe(2);
    expect(directory.add('13800138000')).toBe(0);
    expect(directory.add('c-7')).toBe(1);
    expect(directory.size).toBe(3);
    expect([0, 1, 2, 3].map((index) => directory.idAt(index))).toEqual([
      '13800138000',
      'c-7',
      '13800138001',
      undefined,
    ]);
  });

  it('answers -1 for an id never added, numeric or not', () => {
    const directory = new CustomerDirectory();
    directory.add('13800138000');
    directory.add('constructor-like');
    expect(directory.indexOf('13800138001')).toBe(-1);
    expect(directory.indexOf('constructor')).toBe(-1);
    expect(directory.indexOf('013800138000')).toBe(-1);
    expect(directory.size).toBe(2);
  });

  it('keeps every index through the table growing many times', () => {
    const directory = new CustomerDirectory();
    const ids = Array.from({ length: 20_000 }, (_, i) => String(13_800_000_000 + i * 7919));
    ids.forEach((id, i) => expect(directory.add(id)).toBe(i));
    expect(ids.every((id, i) => directory.indexOf(id) === i)).toBe(true);
    expect(directory.indexOf(String(13_800_000_000 + 1))).toBe(-1);
  });

  it('agrees with a Map on any sequence of adds and look-ups', () => {
    const id = fc.oneof(
      fc.bigInt({ min: 1n, max: 999_999_999_999_999n }).map(String),
      fc.integer({ min: 0, max: 40 }).map(String), // small numbers collide in few slots
      fc.string({ maxLength: 6 }),
      fc.constantFrom('0', '007', 'constructor', '__proto__', '1000000000000000'),
    );
    const step = fc.tuple(fc.boolean(), id);
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), (steps) => {
        const directory = new CustomerDirectory();
        const expected = new Map<string, number>();
        for (const [adding, customerId] of steps) {
          if (adding) {
            if (!expected.has(customerId)) {
              expected.set(customerId, expected.size);
            }
            expect(directory.add(customerId)).toBe(expected.get(customerId));
          } else {
            expect(directory.indexOf(customerId)).toBe(expected.get(customerId) ?? -1);
          }
        }
        expect(directory.size).toBe(expected.size);
        for (const [customerId, index] of expected) {
          expect(directory.idAt(index)).toBe(customerId);
        }
      }),
    );
  });
});
