import { code, decimal, flag, int, oneOf, optional } from './event-property-hint';
import { eventTypeRow as row, onCount, onEvent, type EventTypeRow } from './event-type-row';

const campaign = code('cmp-');
const product = oneOf('data-pack', '5g-plan', 'broadband', 'device', 'video-vip', 'roaming-pack');

/**
 * Service, digital, network, home, content, location and security events: 43 of the 112. The
 * in-contact ones (`inContactAt`) open a window in which inbound touchpoints may present offers.
 */
export const interactionEventTypes: readonly EventTypeRow[] = [
  row(
    'hotline-call',
    'service',
    '致电客服热线',
    'Hotline call',
    3,
    {
      reason: oneOf('billing', 'data', 'complaint', 'plan', 'broadband', 'other'),
      waitSeconds: int(0, 600),
    },
    {
      inContactAt: 'call-centre-agent',
      counterWindowDays: 30,
      triggerConditions: [onEvent('==', 'reason', 'data')],
    },
  ),
  row(
    'store-visit',
    'service',
    '到访营业厅',
    'Store visit',
    2,
    {
      storeId: code('store-'),
      purpose: oneOf('payment', 'device', 'plan', 'repair', 'sim', 'inquiry'),
    },
    {
      inContactAt: 'store-clerk-screen',
      counterWindowDays: 30,
      triggerConditions: [onEvent('==', 'purpose', 'device')],
    },
  ),
  row(
    'online-hall-login',
    'service',
    '登录网上营业厅',
    'Web hall login',
    2,
    {},
    { inContactAt: 'web-hall-banner' },
  ),
  row(
    'app-session-start',
    'service',
    '打开掌上营业厅',
    'App session started',
    8,
    {
      page: oneOf('home', 'bill', 'usage', 'shop', 'rights'),
      appVersion: optional(code('11.')),
    },
    {
      inContactAt: 'app-home-banner',
      counterWindowDays: 7,
      triggerConditions: [onEvent('==', 'page', 'usage')],
    },
  ),
  row(
    'ivr-call',
    'service',
    '拨打IVR',
    'IVR call',
    2,
    { menu: oneOf('balance', 'data', 'plan', 'agent') },
    { inContactAt: 'ivr' },
  ),
  row(
    'partner-shop-visit',
    'service',
    '到访合作厅',
    'Partner shop visit',
    0.8,
    {
      purpose: oneOf('payment', 'device', 'plan', 'sim'),
    },
    { inContactAt: 'partner-shop-clerk' },
  ),
  row(
    'kiosk-session',
    'service',
    '使用自助终端',
    'Self-service kiosk session',
    0.5,
    {
      action: oneOf('bill-print', 'top-up', 'sim-replace'),
    },
    { inContactAt: 'self-service-kiosk' },
  ),
  row(
    'mini-program-open',
    'service',
    '打开微信小程序',
    'Mini-program opened',
    3,
    {
      entry: oneOf('service-account', 'share', 'search'),
    },
    { inContactAt: 'wechat-mini-program' },
  ),
  row(
    'installer-visit',
    'service',
    '装维上门',
    'Installer visit',
    0.3,
    { task: oneOf('install', 'repair', 'upgrade') },
    { inContactAt: 'installer-pad' },
  ),
  row(
    'complaint-filed',
    'service',
    '投诉受理',
    'Complaint filed',
    0.5,
    {
      channel: oneOf('hotline', 'app', 'store', 'regulator'),
      severity: oneOf('low', 'medium', 'high'),
    },
    { counterWindowDays: 90 },
  ),
  row('complaint-resolved', 'service', '投诉办结', 'Complaint resolved', 0.4, {
    satisfied: flag(0.7),
  }),
  row(
    'survey-completed',
    'service',
    '满意度回访',
    'Survey completed',
    0.8,
    { score: int(1, 10) },
    { triggerConditions: [onEvent('<=', 'score', 6)] },
  ),
  row('repair-ticket-opened', 'service', '报障', 'Repair ticket opened', 0.5, {
    kind: oneOf('broadband', 'iptv', 'network'),
  }),
  row('repair-ticket-closed', 'service', '故障修复', 'Repair ticket closed', 0.4),
  row('app-install', 'digital', '安装App', 'App installed', 0.5, {
    platform: oneOf('ios', 'android', 'harmonyos'),
  }),
  row('app-uninstall', 'digital', '卸载App', 'App uninstalled', 0.2),
  row('app-page-view', 'digital', 'App页面浏览', 'App page viewed', 10, {
    page: oneOf('plans', 'devices', 'broadband', 'rights', 'roaming'),
  }),
  row('app-search', 'digital', 'App搜索', 'App search', 3, {
    keyword: oneOf('流量包', '5G', '宽带', '国际漫游', '合约机', '视频会员'),
  }),
  row('app-cart-abandon', 'digital', '购物车放弃', 'Cart abandoned', 1, {
    product,
    price: int(5, 8000),
  }),
  row('web-hall-order-abandon', 'digital', '网厅订单放弃', 'Web-hall order abandoned', 0.5, {
    product,
  }),
  row('coupon-claimed', 'digital', '领取优惠券', 'Coupon claimed', 1, { value: int(5, 100) }),
  row(
    'push-opened',
    'digital',
    '打开推送',
    'Push opened',
    3,
    { campaign },
    { counterWindowDays: 30 },
  ),
  row('sms-link-clicked', 'digital', '点击短信链接', 'SMS link clicked', 2, { campaign }),
  row('email-opened', 'digital', '打开邮件', 'E-mail opened', 1, { campaign }),
  row(
    'weak-signal-detected',
    'network',
    '弱信号',
    'Weak signal detected',
    5,
    { rsrp: int(-140, -100), cellId: code('cell-') },
    {
      counterWindowDays: 7,
      triggerConditions: [onCount('>=', 'weak-signal-detected', 7, 3)],
    },
  ),
  row(
    'call-drop',
    'network',
    '掉话',
    'Call dropped',
    3,
    { count: int(1, 5) },
    { counterWindowDays: 30 },
  ),
  row('slow-data-experience', 'network', '网速慢', 'Slow data', 4, { mbps: decimal(0.1, 5) }),
  row('network-complaint', 'network', '网络投诉', 'Network complaint', 0.3, {
    kind: oneOf('coverage', 'speed', 'drop'),
  }),
  row('broadband-outage', 'network', '宽带中断', 'Broadband outage', 0.5, { minutes: int(5, 600) }),
  row('5g-coverage-entered', 'network', '进入5G覆盖', 'Entered 5G coverage', 6, {
    cellId: code('cell-'),
  }),
  row('volte-activated', 'network', '开通VoLTE', 'VoLTE activated', 0.3),
  row('wifi-offload', 'network', 'WiFi分流', 'Wi-Fi offload', 4, { mb: int(50, 5000) }),
  row(
    'broadband-speed-test',
    'home',
    '宽带测速',
    'Broadband speed test',
    1,
    { mbps: int(10, 1000) },
    { triggerConditions: [onEvent('<', 'mbps', 100)] },
  ),
  row('router-offline', 'home', '光猫离线', 'Router offline', 0.5, { minutes: int(5, 1440) }),
  row('smart-camera-activated', 'home', '激活智能摄像头', 'Smart camera activated', 0.3),
  row('iptv-vod-purchase', 'home', '点播付费', 'IPTV video bought', 1, {
    title: oneOf('movie', 'series', 'sports', 'kids'),
    price: int(3, 30),
  }),
  row('iptv-idle', 'home', '魔百和沉默', 'IPTV idle', 0.5, { days: int(7, 60) }),
  row('home-network-expansion-request', 'home', '全屋WiFi咨询', 'Whole-home Wi-Fi enquiry', 0.2, {
    rooms: int(2, 6),
  }),
  row('video-membership-expiring', 'content', '视频会员即将到期', 'Video membership expiring', 1, {
    daysLeft: int(1, 7),
    service: oneOf('iqiyi', 'tencent-video', 'youku', 'mango-tv'),
  }),
  row('cloud-storage-alert', 'content', '云盘空间不足', 'Cloud storage almost full', 0.5, {
    percent: int(90, 100),
  }),
  row(
    'poi-visit',
    'location',
    '到访地点',
    'Place visited',
    6,
    {
      poiType: oneOf('mall', 'airport', 'railway-station', 'campus', 'stadium', 'scenic-spot'),
    },
    { triggerConditions: [onEvent('==', 'poiType', 'mall')] },
  ),
  row('fraud-call-received', 'security', '接到诈骗电话', 'Fraud call received', 1, {
    risk: oneOf('low', 'high'),
  }),
  row('spam-sms-reported', 'security', '举报垃圾短信', 'Spam SMS reported', 0.5),
];
