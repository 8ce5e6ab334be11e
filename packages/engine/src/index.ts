export type * from './ports/clock';
export type * from './ports/profile-store';
export type * from './ports/offer-store';
export type * from './ports/outcome-store';
export type * from './ports/event-log';
export type * from './ports/scheduled-delivery-store';
export type * from './ports/delivery-channel';
export type * from './ports/delivery-attempt-store';
// The decision pipeline owns its public surface in pipeline/index.ts.
export * from './pipeline/index';
export * from './delivery/index';
