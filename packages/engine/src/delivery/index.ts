export * from './retry-policy';
export * from './delivery-from-action';
export type * from './dispatch-outcome';
export * from './delivery-dispatcher';
export * from './in-memory-delivery-attempt-store';
