import { decimal, int, oneOf } from './event-property-hint';
import { eventTypeRow as row, onCount, onEvent, type EventTypeRow } from './event-type-row';

const payChannel = oneOf('app', 'wechat-pay', 'alipay', 'store', 'recharge-card');
const destination = oneOf(
  'hong-kong',
  'macau',
  'japan',
  'korea',
  'thailand',
  'singapore',
  'usa',
  'uk',
  'beijing',
  'shanghai',
  'sanya',
  'chengdu',
);

/** Billing, usage and roaming events: 34 of the 112, and most of the stream. */
export const billingAndUsageEventTypes: readonly EventTypeRow[] = [
  row(
    'top-up',
    'billing',
    '充值',
    'Top-up',
    30,
    { amount: int(10, 500), channel: payChannel },
    {
      counterWindowDays: 30,
      triggerConditions: [onCount('==', 'top-up', 30, 3), onEvent('>=', 'amount', 100)],
    },
  ),
  row('bill-issued', 'billing', '账单出账', 'Bill issued', 12, {
    amount: decimal(18, 899),
    billMonth: oneOf('2026-10', '2026-11', '2026-12'),
  }),
  row(
    'payment-overdue',
    'billing',
    '欠费',
    'Payment overdue',
    3,
    { amount: decimal(10, 600), daysOverdue: int(1, 60) },
    {
      counterWindowDays: 180,
      triggerConditions: [onEvent('>=', 'daysOverdue', 7)],
    },
  ),
  row('payment-received', 'billing', '缴费到账', 'Payment received', 10, {
    amount: decimal(10, 900),
    method: payChannel,
  }),
  row(
    'balance-low',
    'billing',
    '余额不足',
    'Low balance',
    8,
    { balance: decimal(0, 10) },
    { triggerConditions: [onEvent('<', 'balance', 5)] },
  ),
  row('auto-pay-enabled', 'billing', '开通自动缴费', 'Auto-pay enabled', 1, {
    method: oneOf('bank-card', 'wechat-pay', 'alipay'),
  }),
  row('auto-pay-failed', 'billing', '自动扣款失败', 'Auto-pay failed', 1, {
    reason: oneOf('insufficient-funds', 'card-expired', 'limit-exceeded'),
  }),
  row('invoice-requested', 'billing', '申请发票', 'Invoice requested', 1, {
    kind: oneOf('paper', 'electronic'),
  }),
  row('credit-limit-reached', 'billing', '信用额度用尽', 'Credit limit reached', 2, {
    limit: int(50, 500),
  }),
  row('bill-dispute', 'billing', '账单争议', 'Bill disputed', 0.5, { amount: decimal(5, 300) }),
  row(
    'bill-shock',
    'billing',
    '账单突增',
    'Bill shock',
    1,
    { amount: decimal(50, 1500), increasePct: int(30, 300) },
    {
      triggerConditions: [onEvent('>=', 'increasePct', 50)],
    },
  ),
  row('prepaid-expiry-warning', 'billing', '话费即将到期', 'Prepaid balance expiring', 2, {
    daysLeft: int(1, 15),
  }),
  row(
    'quota-alert-50',
    'usage',
    '流量使用达50%',
    'Quota alert 50 %',
    20,
    { percent: int(50, 79), quotaType: oneOf('data', 'voice') },
    { counterWindowDays: 30 },
  ),
  row(
    'quota-alert-80',
    'usage',
    '流量使用达80%',
    'Quota alert 80 %',
    16,
    { percent: int(80, 99), quotaType: oneOf('data', 'voice') },
    {
      counterWindowDays: 30,
      triggerConditions: [
        { and: [onEvent('>=', 'percent', 80), onEvent('==', 'quotaType', 'data')] },
        onEvent('>=', 'percent', 90),
      ],
    },
  ),
  row(
    'quota-alert-100',
    'usage',
    '套餐用尽',
    'Quota exhausted',
    8,
    { percent: int(100, 150), quotaType: oneOf('data', 'voice') },
    {
      counterWindowDays: 90,
      triggerConditions: [onCount('>=', 'quota-alert-100', 90, 2)],
    },
  ),
  row(
    'data-over-quota',
    'usage',
    '流量超套',
    'Data over quota',
    6,
    { overMb: int(10, 5000) },
    {
      counterWindowDays: 90,
      triggerConditions: [onEvent('>=', 'overMb', 1024)],
    },
  ),
  row('voice-over-quota', 'usage', '语音超套', 'Voice over quota', 3, { overMinutes: int(1, 300) }),
  row('daily-data-peak', 'usage', '日流量高峰', 'Daily data peak', 40, {
    mb: int(500, 20000),
    network: oneOf('5g', '4g'),
  }),
  row('video-streaming-heavy', 'usage', '视频重度使用', 'Heavy video streaming', 18, {
    mb: int(300, 8000),
    app: oneOf('douyin', 'kuaishou', 'bilibili', 'iqiyi', 'tencent-video', 'youku'),
  }),
  row('gaming-session', 'usage', '游戏时段', 'Gaming session', 10, {
    minutes: int(10, 300),
    game: oneOf('honor-of-kings', 'peace-elite', 'genshin-impact', 'eggy-party'),
  }),
  row(
    'international-call',
    'usage',
    '国际通话',
    'International call',
    3,
    {
      country: oneOf('us', 'jp', 'kr', 'gb', 'sg', 'au', 'ca', 'de', 'fr', 'th'),
      minutes: int(1, 120),
    },
    { counterWindowDays: 30, triggerConditions: [onCount('>=', 'international-call', 30, 2)] },
  ),
  row('long-call', 'usage', '长时通话', 'Long call', 6, { minutes: int(30, 240) }),
  row('data-pack-exhausted', 'usage', '流量包用尽', 'Data pack used up', 4, { packGb: int(1, 50) }),
  row('night-data-usage', 'usage', '夜间流量', 'Night-time data', 8, { mb: int(100, 6000) }),
  row('hotspot-usage', 'usage', '热点共享', 'Hotspot sharing', 5, {
    mb: int(100, 8000),
    devices: int(1, 5),
  }),
  row('5g-data-session', 'usage', '5G数据会话', '5G data session', 12, {
    mb: int(50, 10000),
    peakMbps: int(100, 1500),
  }),
  row('wifi-calling-used', 'usage', '使用WiFi通话', 'Wi-Fi calling used', 2, {
    minutes: int(1, 90),
  }),
  row('voice-usage-spike', 'usage', '通话量突增', 'Voice usage spike', 3, {
    minutes: int(60, 900),
    increasePct: int(30, 400),
  }),
  row(
    'roaming-start',
    'roaming',
    '开始漫游',
    'Roaming started',
    4,
    { kind: oneOf('domestic', 'international'), destination },
    {
      counterWindowDays: 90,
      triggerConditions: [onEvent('==', 'kind', 'international')],
    },
  ),
  row('roaming-end', 'roaming', '漫游结束', 'Roaming ended', 3, { destination }),
  row('roaming-data-alert', 'roaming', '漫游流量提醒', 'Roaming data alert', 2, {
    mb: int(50, 3000),
  }),
  row('roaming-pack-purchased', 'roaming', '购买漫游包', 'Roaming pack bought', 1, {
    pack: oneOf('day-pass', '7-day', '30-day'),
  }),
  row('border-crossing', 'roaming', '口岸通关', 'Border crossing', 1, {
    port: oneOf('luohu', 'gongbei', 'futian', 'hong-kong-airport'),
  }),
  row('airport-arrival', 'roaming', '抵达机场', 'Arrived at an airport', 2, {
    airport: oneOf('pek', 'pvg', 'can', 'szx', 'ctu', 'hgh'),
  }),
];
