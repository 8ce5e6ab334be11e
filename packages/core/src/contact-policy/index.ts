// The schema (`ContactPolicy`, `defaultContactPolicy`) is re-exported by the package index itself.
export { evaluateContactPolicy, DEFAULT_DEFER_MAX_HOURS } from './evaluate-contact-policy';
export {
  contactPolicyReasons,
  type ContactPolicyInput,
  type ContactPolicyReason,
  type ContactVerdict,
  type ContactVerdictDetail,
} from './contact-verdict';
export { isDisturbingContact } from './disturbing-contact';
export { isInQuietHours, nextAllowedContactTime, type QuietHoursQuery } from './quiet-hours';
export { recordContact, recordDecline } from './contact-history';
