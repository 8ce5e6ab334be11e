import { code, flag, int, oneOf, optional } from './event-property-hint';
import {
  deviceBrands,
  eventTypeRow as row,
  onCount,
  onEvent,
  planIds,
  type EventTypeRow,
} from './event-type-row';

const plan = oneOf(...planIds);
const brand = oneOf(...deviceBrands);

/** Product, device, loyalty and lifecycle events: 35 of the 112. */
export const productAndLifecycleEventTypes: readonly EventTypeRow[] = [
  row('plan-change', 'product', '套餐变更', 'Plan changed', 2, { fromPlan: plan, toPlan: plan }),
  row('plan-downgrade-request', 'product', '申请降档', 'Plan downgrade requested', 1, {
    fromPlan: plan,
    toPlan: plan,
  }),
  row('plan-upgrade', 'product', '套餐升档', 'Plan upgraded', 1, { toPlan: plan }),
  row(
    'data-pack-purchased',
    'product',
    '购买流量包',
    'Data pack bought',
    4,
    { sizeGb: int(1, 100), price: int(5, 100) },
    {
      counterWindowDays: 90,
      triggerConditions: [onCount('>=', 'data-pack-purchased', 90, 2)],
    },
  ),
  row('value-added-subscribed', 'product', '订购增值业务', 'VAS subscribed', 2, {
    service: oneOf('video-vip', 'music-vip', 'cloud-drive', 'ringback-tone', 'security-guard'),
  }),
  row('value-added-cancelled', 'product', '退订增值业务', 'VAS cancelled', 1, {
    service: oneOf('video-vip', 'music-vip', 'cloud-drive', 'ringback-tone', 'security-guard'),
  }),
  row('broadband-order', 'product', '宽带下单', 'Broadband ordered', 0.8, {
    speed: oneOf('300m', '500m', '1000m'),
  }),
  row(
    'broadband-cancel-request',
    'product',
    '宽带拆机申请',
    'Broadband cancellation requested',
    0.3,
    { reason: oneOf('moving', 'price', 'quality', 'competitor') },
  ),
  row('iptv-subscribed', 'product', '订购魔百和', 'IPTV subscribed', 0.5, {
    package: oneOf('basic', 'movies', 'kids', 'sports'),
  }),
  row('secondary-card-added', 'product', '办理副卡', 'Secondary SIM added', 0.5, {
    count: int(1, 3),
  }),
  row('family-plan-joined', 'product', '加入家庭套餐', 'Joined a family plan', 0.5, {
    members: int(2, 6),
  }),
  row('5g-plan-activated', 'product', '开通5G套餐', '5G plan activated', 1, { plan }),
  row('device-purchase', 'device', '购机', 'Device bought', 1, {
    brand,
    price: int(999, 12999),
    is5g: flag(0.8),
  }),
  row(
    'device-change-detected',
    'device',
    '换机识别',
    'Device change detected',
    3,
    { brand, is5g: flag(0.7) },
    {
      triggerConditions: [onEvent('==', 'is5g', true)],
    },
  ),
  row('sim-swap', 'device', '补换卡', 'SIM swapped', 0.5, {
    reason: oneOf('lost', 'damaged', 'upgrade'),
  }),
  row('esim-activated', 'device', '开通eSIM', 'eSIM activated', 0.5, {
    device: oneOf('watch', 'tablet', 'phone'),
  }),
  row('device-warranty-expiring', 'device', '保修即将到期', 'Warranty expiring', 0.5, {
    daysLeft: int(1, 30),
  }),
  row('trade-in-quote', 'device', '以旧换新估价', 'Trade-in quoted', 0.5, {
    brand,
    price: int(100, 6000),
  }),
  row('device-financing-ended', 'device', '分期购机结清', 'Device instalments paid off', 0.3),
  row('wearable-paired', 'device', '可穿戴设备配对', 'Wearable paired', 0.5, {
    device: oneOf('watch', 'band'),
  }),
  row('points-earned', 'loyalty', '积分到账', 'Points earned', 6, { points: int(10, 2000) }),
  row(
    'points-expiring',
    'loyalty',
    '积分即将过期',
    'Points expiring',
    2,
    { points: int(100, 20000), daysLeft: int(1, 30) },
    {
      triggerConditions: [onEvent('>=', 'points', 5000)],
    },
  ),
  row('points-redeemed', 'loyalty', '积分兑换', 'Points redeemed', 1, {
    points: int(100, 10000),
    item: oneOf('data', 'voucher', 'gift', 'membership'),
  }),
  row('star-level-up', 'loyalty', '星级提升', 'Star level up', 0.5, { level: int(1, 7) }),
  row('star-level-down', 'loyalty', '星级下降', 'Star level down', 0.3, { level: int(0, 6) }),
  row(
    'anniversary',
    'loyalty',
    '入网周年',
    'Network anniversary',
    0.5,
    { years: int(1, 25) },
    { triggerConditions: [onEvent('>=', 'years', 10)] },
  ),
  row('new-activation', 'lifecycle', '新入网', 'New activation', 1, {
    plan,
    channel: oneOf('store', 'online', 'partner'),
  }),
  row('number-suspended', 'lifecycle', '停机', 'Number suspended', 0.5, {
    reason: oneOf('arrears', 'lost', 'request'),
  }),
  row('number-reactivated', 'lifecycle', '复机', 'Number reactivated', 0.5),
  row(
    'contract-expiring',
    'lifecycle',
    '合约到期提醒',
    'Contract expiring',
    1,
    { daysLeft: int(1, 60) },
    {
      triggerConditions: [onEvent('<=', 'daysLeft', 30)],
    },
  ),
  row('contract-renewed', 'lifecycle', '合约续约', 'Contract renewed', 0.5, {
    months: oneOf('12', '24'),
  }),
  row(
    'port-out-query',
    'lifecycle',
    '携转资格查询',
    'Porting eligibility checked',
    0.5,
    { channel: oneOf('sms', 'app', 'hotline') },
    { counterWindowDays: 30 },
  ),
  row('port-out-request', 'lifecycle', '携号转网申请', 'Porting requested', 0.2, {
    authCode: optional(code('pc')),
  }),
  row('cancellation-request', 'lifecycle', '销户申请', 'Cancellation requested', 0.2, {
    reason: oneOf('moving', 'price', 'quality', 'competitor'),
  }),
  row('birthday', 'lifecycle', '客户生日', 'Customer birthday', 0.5, { age: int(18, 80) }),
];
