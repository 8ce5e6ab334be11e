export {
  createCustomerProfile,
  cloneCustomerProfile,
  restoreCustomerProfile,
  type StoredProfileParts,
} from './create-customer-profile';
export { setStaticTag, hasStaticTag } from './static-tags';
export { setRealtimeTag, hasRealtimeTag } from './realtime-tags';
export { recordEventCount, countEvents } from './event-counts';
export { applyEventToProfile } from './apply-event-to-profile';
export { copyTagWords } from './tag-slab';
export { newIdRecord } from './id-record';
export { CustomerDirectory } from './customer-directory';
