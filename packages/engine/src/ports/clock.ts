/** Where the engine gets the time; epoch milliseconds. Tests use testkit's `FakeClock`. */
export interface Clock {
  now(): number;
}
