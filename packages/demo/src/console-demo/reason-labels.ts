import type { ReasonCode } from '@omnitouch/core';

/** Bilingual labels of the reason codes, as the console demo prints them. */
export const reasonLabels: Readonly<Record<ReasonCode, readonly [string, string]>> = {
  chosen: ['已选中', 'chosen'],
  deferred: ['延迟投放', 'deferred'],
  'held-for-inbound': ['等待客户到访', 'held for the next inbound contact'],
  'case-not-live': ['营销案未上线', 'case not live'],
  'outside-validity': ['不在有效期', 'outside the validity period'],
  'trigger-not-matched': ['触发条件不满足', 'trigger condition not met'],
  'rule-not-matched': ['不在目标客群', 'not in the target audience'],
  'global-cap': ['30天打扰上限', '30-day disturbance cap'],
  'daily-cap': ['每日打扰上限', 'daily disturbance cap'],
  'touchpoint-cap': ['触点频次上限', 'touchpoint frequency cap'],
  'case-cap': ['营销案频次上限', 'case frequency cap'],
  'lifetime-cap': ['营销案终身上限', 'case lifetime cap'],
  'quiet-hours': ['免打扰时段', 'quiet hours'],
  'opted-out': ['已退订该渠道', 'opted out of the channel'],
  unsubscribed: ['已退订营销', 'unsubscribed'],
  cooldown: ['拒绝冷静期', 'decline cool-down'],
  'already-presented': ['已在其他触点呈现', 'already presented elsewhere'],
  'already-open': ['已有未结报价', 'an offer is already open'],
  capacity: ['触点容量已满', 'touchpoint at capacity'],
  'not-in-contact': ['客户不在触点', 'customer not at the touchpoint'],
  outranked: ['仲裁落选', 'outranked in arbitration'],
  'unknown-touchpoint': ['未知触点', 'unknown touchpoint'],
};

/** "每日打扰上限 daily disturbance cap (daily-cap)". */
export function describeReason(reason: ReasonCode): string {
  const [zh, en] = reasonLabels[reason];
  return `${zh} ${en} (${reason})`;
}

/** Reasons that say a case never applied (audience, trigger, validity) rather than a suppression. */
export const notApplicableReasons: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'rule-not-matched',
  'trigger-not-matched',
  'case-not-live',
  'outside-validity',
]);
