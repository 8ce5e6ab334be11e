import { describe, expect, it } from 'vitest';
import { HighlightPicker } from './demo-highlights';

describe(HighlightPicker.name, () => {
  it('keeps only the first moment of each kind in a window', () => {
    const picker = new HighlightPicker();
    picker.offer('deliver', ['first delivery']);
    expect(picker.wants('deliver')).toBe(false);
    picker.offer('deliver', ['second delivery']);
    expect(picker.take()).toEqual(['first delivery']);
  });

  it('rotates through the kinds so successive windows show different moments', () => {
    const picker = new HighlightPicker();
    const shown: string[] = [];
    for (let window = 0; window < 3; window++) {
      picker.offer('deliver', ['deliver']);
      picker.offer('defer', ['defer']);
      picker.offer('suppressed', ['suppressed']);
      shown.push(...picker.take());
    }
    expect(shown).toEqual(['deliver', 'defer', 'suppressed']);
  });

  it('shows nothing for a quiet window', () => {
    expect(new HighlightPicker().take()).toEqual([]);
  });
});
