import type { AttributeDefinition } from '@omnitouch/core';
import { deviceBrands, planIds } from './event-type-row';

/** Value segments of the reference operator, lowest first; a customer's index drives the skew. */
export const valueSegments = ['mass', 'silver', 'gold', 'platinum', 'diamond'] as const;
export type ValueSegment = (typeof valueSegments)[number];

/** 32 real prefecture-level cities, most populous first (customers are drawn with that skew). */
export const cities = [
  'shanghai',
  'beijing',
  'chongqing',
  'guangzhou',
  'shenzhen',
  'chengdu',
  'tianjin',
  'wuhan',
  'xian',
  'hangzhou',
  'suzhou',
  'zhengzhou',
  'nanjing',
  'changsha',
  'dongguan',
  'qingdao',
  'shenyang',
  'foshan',
  'hefei',
  'kunming',
  'jinan',
  'harbin',
  'fuzhou',
  'xiamen',
  'nanning',
  'guiyang',
  'taiyuan',
  'shijiazhuang',
  'lanzhou',
  'urumqi',
  'haikou',
  'lhasa',
] as const;

/** Handset models, flagships first. */
export const deviceModels = [
  'iphone-16-pro',
  'mate-70',
  'pura-70',
  'xiaomi-15',
  'vivo-x200',
  'oppo-find-x8',
  'honor-magic-7',
  'iphone-15',
  'nova-13',
  'redmi-k80',
  'oppo-reno-12',
  'vivo-s19',
  'honor-x60',
  'redmi-note-13',
  'legacy-4g',
  'feature-phone',
] as const;

const attribute = (
  id: string,
  categoryId: string,
  zh: string,
  en: string,
  type: AttributeDefinition['type'],
  extra: Pick<AttributeDefinition, 'values' | 'unit'> = {},
): AttributeDefinition => ({ id, categoryId, name: { 'zh-CN': zh, en }, type, ...extra });

/** The typed attributes every synthetic profile carries (always all of them, in this order). */
export const operatorAttributes: readonly AttributeDefinition[] = [
  attribute('value-segment', 'value-level', '价值分层', 'Value segment', 'enum', {
    values: [...valueSegments],
  }),
  attribute('arpu', 'arpu-band', '月均消费', 'ARPU', 'number', { unit: 'CNY' }),
  attribute('data-used-pct', 'quota', '本月流量使用率', 'Data used this month', 'number', {
    unit: '%',
  }),
  attribute('tenure-months', 'tenure', '在网时长', 'Tenure', 'number', { unit: 'months' }),
  attribute('age', 'age-band', '年龄', 'Age', 'number', { unit: 'years' }),
  attribute('gender', 'gender', '性别', 'Gender', 'enum', { values: ['female', 'male'] }),
  attribute('city', 'region', '归属地市', 'City', 'enum', { values: [...cities] }),
  attribute('device', 'device', '终端型号', 'Device', 'enum', { values: [...deviceModels] }),
  attribute('device-brand', 'device-brand', '终端品牌', 'Device brand', 'enum', {
    values: [...deviceBrands, 'other'],
  }),
  attribute('plan', 'plan-type', '主套餐', 'Plan', 'enum', { values: [...planIds] }),
  attribute('network', '5g', '网络制式', 'Network', 'enum', { values: ['5g', '4g'] }),
  attribute('data-quota-gb', 'plan-type', '套餐流量', 'Data quota', 'number', { unit: 'GB' }),
  attribute('voice-minutes', 'voice-usage', '本月通话分钟', 'Voice minutes this month', 'number', {
    unit: 'min',
  }),
  attribute('balance', 'payment-habit', '账户余额', 'Balance', 'number', { unit: 'CNY' }),
  attribute('points', 'points', '积分', 'Loyalty points', 'number'),
  attribute('star-level', 'star-level', '星级', 'Star level', 'number'),
  attribute('contract-end', 'contract', '合约到期日', 'Contract end', 'date'),
  attribute('broadband-mbps', 'broadband', '宽带速率', 'Broadband speed', 'number', {
    unit: 'Mbps',
  }),
];
