import type { QuietHours, Touchpoint } from '@omnitouch/core';

// Quiet hours of the reference operator: no marketing SMS or outbound calls 21:00–08:00 local
// time; such contacts wait for the morning (at most 12 hours) rather than being dropped.
const eveningDefer: QuietHours = {
  start: '21:00',
  end: '08:00',
  action: 'defer',
  deferMaxHours: 12,
};
const nightDrop: QuietHours = { start: '22:00', end: '08:00', action: 'drop' };

type Facts = Omit<Touchpoint, 'id' | 'name' | 'kind' | 'audience' | 'isDisturbance'>;

const inbound = (
  id: string,
  zh: string,
  en: string,
  audience: Touchpoint['audience'],
  facts: Facts,
): Touchpoint => ({
  id,
  name: { 'zh-CN': zh, en },
  kind: 'inbound',
  audience,
  isDisturbance: false,
  ...facts,
});

const outbound = (id: string, zh: string, en: string, facts: Facts): Touchpoint => ({
  id,
  name: { 'zh-CN': zh, en },
  kind: 'outbound',
  audience: 'customer',
  isDisturbance: true,
  ...facts,
});

/**
 * The 20 touchpoints of the reference operator: 11 inbound (the customer is with us: a store,
 * the hotline, the app) and 9 outbound (we reach out). Staffed ones show the offer to a clerk or
 * agent and have a per-staff capacity; costs are CNY per contact.
 */
export const operatorTouchpoints: readonly Touchpoint[] = [
  inbound('store-clerk-screen', '营业厅店员屏', 'Store clerk screen', 'staff', {
    category: 'staff',
    deliveryMethods: ['clerk-screen'],
    preferredDeliveryMethod: 'clerk-screen',
    staffed: true,
    capacityPerMinute: 2,
    costPerContact: 3,
    contextWeight: 1.6,
  }),
  inbound('call-centre-agent', '客服坐席屏', 'Call-centre agent screen', 'staff', {
    category: 'staff',
    deliveryMethods: ['agent-desk'],
    preferredDeliveryMethod: 'agent-desk',
    staffed: true,
    capacityPerMinute: 3,
    costPerContact: 2,
    contextWeight: 1.4,
  }),
  inbound('partner-shop-clerk', '合作厅店员屏', 'Partner shop clerk screen', 'staff', {
    category: 'staff',
    deliveryMethods: ['clerk-screen'],
    preferredDeliveryMethod: 'clerk-screen',
    staffed: true,
    capacityPerMinute: 2,
    costPerContact: 4,
    contextWeight: 1.3,
  }),
  inbound('installer-pad', '装维工程师PAD', 'Installer tablet', 'staff', {
    category: 'staff',
    deliveryMethods: ['installer-app'],
    preferredDeliveryMethod: 'installer-app',
    staffed: true,
    capacityPerMinute: 1,
    costPerContact: 5,
    contextWeight: 1.5,
  }),
  inbound('app-home-banner', '掌厅首页横幅', 'App home banner', 'customer', {
    category: 'channel',
    deliveryMethods: ['in-app-banner'],
    preferredDeliveryMethod: 'in-app-banner',
    costPerContact: 0.01,
    contextWeight: 1.2,
  }),
  inbound('app-popup', '掌厅弹窗', 'App pop-up', 'customer', {
    category: 'channel',
    deliveryMethods: ['in-app-popup'],
    preferredDeliveryMethod: 'in-app-popup',
    costPerContact: 0.01,
    contextWeight: 1.1,
  }),
  inbound('web-hall-banner', '网上营业厅横幅', 'Web hall banner', 'customer', {
    category: 'channel',
    deliveryMethods: ['web-banner'],
    preferredDeliveryMethod: 'web-banner',
    costPerContact: 0.01,
    contextWeight: 1,
  }),
  inbound('wechat-mini-program', '微信小程序', 'WeChat mini-program', 'customer', {
    category: 'channel',
    deliveryMethods: ['mini-program-card'],
    preferredDeliveryMethod: 'mini-program-card',
    costPerContact: 0.02,
    contextWeight: 1,
  }),
  inbound('ivr', 'IVR语音导航', 'IVR', 'customer', {
    category: 'channel',
    deliveryMethods: ['ivr-prompt'],
    preferredDeliveryMethod: 'ivr-prompt',
    costPerContact: 0.05,
    contextWeight: 0.8,
  }),
  inbound('self-service-kiosk', '自助终端', 'Self-service kiosk', 'customer', {
    category: 'channel',
    deliveryMethods: ['kiosk-screen'],
    preferredDeliveryMethod: 'kiosk-screen',
    costPerContact: 0.02,
    contextWeight: 0.9,
  }),
  inbound('iptv-portal', '魔百和开机页', 'IPTV start screen', 'customer', {
    category: 'brand',
    deliveryMethods: ['tv-banner'],
    preferredDeliveryMethod: 'tv-banner',
    costPerContact: 0.01,
    contextWeight: 0.7,
  }),
  outbound('sms', '短信', 'SMS', {
    category: 'communication',
    deliveryMethods: ['sms'],
    preferredDeliveryMethod: 'sms',
    quietHours: eveningDefer,
    capacityPerMinute: 100_000,
    costPerContact: 0.05,
    contextWeight: 0.6,
  }),
  outbound('5g-message', '5G消息', '5G message (RCS)', {
    category: 'communication',
    deliveryMethods: ['rcs', 'sms'],
    preferredDeliveryMethod: 'rcs',
    quietHours: eveningDefer,
    costPerContact: 0.08,
    contextWeight: 0.8,
  }),
  outbound('app-push', 'App推送', 'App push', {
    category: 'communication',
    deliveryMethods: ['app-push'],
    preferredDeliveryMethod: 'app-push',
    quietHours: nightDrop,
    costPerContact: 0.001,
    contextWeight: 0.7,
  }),
  outbound('wechat-service-account', '微信服务号', 'WeChat service account', {
    category: 'communication',
    deliveryMethods: ['wechat-template'],
    preferredDeliveryMethod: 'wechat-template',
    quietHours: nightDrop,
    costPerContact: 0.01,
    contextWeight: 0.7,
  }),
  outbound('email', '电子邮件', 'E-mail', {
    category: 'communication',
    deliveryMethods: ['email'],
    preferredDeliveryMethod: 'email',
    costPerContact: 0.005,
    contextWeight: 0.4,
  }),
  outbound('outbound-call', '外呼', 'Outbound call', {
    category: 'staff',
    deliveryMethods: ['agent-call', 'robot-call'],
    preferredDeliveryMethod: 'agent-call',
    staffed: true,
    quietHours: eveningDefer,
    capacityPerMinute: 2,
    costPerContact: 3.5,
    contextWeight: 1.2,
  }),
  outbound('flash-sms', '闪信', 'Flash SMS', {
    category: 'communication',
    deliveryMethods: ['flash-sms'],
    preferredDeliveryMethod: 'flash-sms',
    quietHours: eveningDefer,
    costPerContact: 0.06,
    contextWeight: 0.5,
  }),
  // A note printed on the e-bill and a video ringback reach the customer without interrupting
  // them, so they do not count towards the disturbance caps.
  {
    ...outbound('e-bill-note', '电子账单附言', 'E-bill note', {
      category: 'brand',
      deliveryMethods: ['e-bill'],
      preferredDeliveryMethod: 'e-bill',
      costPerContact: 0.001,
      contextWeight: 0.3,
    }),
    isDisturbance: false,
  },
  {
    ...outbound('video-ringback', '视频彩铃', 'Video ringback', {
      category: 'brand',
      deliveryMethods: ['ringback-video'],
      preferredDeliveryMethod: 'ringback-video',
      costPerContact: 0.002,
      contextWeight: 0.5,
    }),
    isDisturbance: false,
  },
];
