export * from './catalog-snapshot.schema';
export type { CompiledCase, CompiledRealtimeTagTrigger, DecisionCatalog } from './decision-catalog';
export { validateCatalogSnapshot } from './validate-catalog-snapshot';
export { compileDecisionCatalog } from './compile-decision-catalog';
export { validateCustomerEvent } from './validate-customer-event';
export {
  checkEventPropertyValue,
  type EventPropertyCheck,
  type EventPropertyValue,
} from '../customer-event/event-property-value';
