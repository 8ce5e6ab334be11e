import type { Tag } from '@omnitouch/core';
import { onEvent } from './event-type-row';

const hour = 3600;
const day = 24 * hour;

const realtime = (
  id: string,
  zh: string,
  en: string,
  ttlSeconds: number,
  setBy: Tag['setBy'],
): Tag => ({
  id,
  categoryId: 'real-time-scene',
  name: { 'zh-CN': zh, en },
  kind: 'realtime',
  ttlSeconds,
  setBy,
});

/**
 * Real-time tags: set by an event, they hold for `ttlSeconds` ("roaming now", "visited a store in
 * the last hour"). "This month" is approximated by 30 days: a tag's TTL is fixed, not calendar-bound.
 */
export const realtimeTags: readonly Tag[] = [
  realtime('roaming-now', '漫游中', 'roaming now', 3 * day, [{ eventType: 'roaming-start' }]),
  realtime('quota-80-this-month', '本月流量已用80%以上', 'data quota ≥ 80 % this month', 30 * day, [
    { eventType: 'quota-alert-80', condition: onEvent('==', 'quotaType', 'data') },
    { eventType: 'quota-alert-100', condition: onEvent('==', 'quotaType', 'data') },
  ]),
  realtime(
    'visited-store-last-hour',
    '1小时内到过营业厅',
    'visited a store in the last hour',
    hour,
    [{ eventType: 'store-visit' }, { eventType: 'partner-shop-visit' }],
  ),
  realtime('in-app-now', '正在使用掌厅', 'using the app now', hour / 2, [
    { eventType: 'app-session-start' },
    { eventType: 'mini-program-open' },
  ]),
  realtime('called-hotline-today', '今日致电客服', 'called the hotline today', day, [
    { eventType: 'hotline-call' },
    { eventType: 'ivr-call' },
  ]),
  realtime('topped-up-recently', '近3天充值', 'topped up in the last 3 days', 3 * day, [
    { eventType: 'top-up', condition: onEvent('>=', 'amount', 50) },
  ]),
  realtime('payment-overdue-now', '欠费中', 'payment overdue', 7 * day, [
    { eventType: 'payment-overdue' },
  ]),
  realtime('at-airport', '机场场景', 'at an airport', 6 * hour, [
    { eventType: 'airport-arrival' },
    { eventType: 'poi-visit', condition: onEvent('==', 'poiType', 'airport') },
  ]),
  realtime('calling-abroad-today', '今日拨打国际电话', 'called abroad today', day, [
    { eventType: 'international-call' },
  ]),
];
