// Shared by the *.scenarios.test.ts tables: the durations they advance the clock by and the
// wall-clock moments they set it to. Plain values only: engine source may not import the testkit.

export const minute = 60_000;
export const hour = 3_600_000;
export const day = 86_400_000;

// Moments of the night of 25–26 Nov 2026 in China time (UTC+8, the policy default), around the
// factory SMS touchpoint's quiet hours of 21:00–08:00.
export const at2055 = Date.UTC(2026, 10, 25, 12, 55);
export const at2200 = Date.UTC(2026, 10, 25, 14, 0);
export const at2300 = Date.UTC(2026, 10, 25, 15, 0);
export const next0700 = Date.UTC(2026, 10, 25, 23, 0);
export const next0800 = Date.UTC(2026, 10, 26, 0, 0);
