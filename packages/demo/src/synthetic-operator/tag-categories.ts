import type { TagCategory } from '@omnitouch/core';

/**
 * How a category's tags lean with the customer's value segment: `1` more common among high-value
 * customers (5G, roaming, converged bundles), `-1` among low-value ones (price sensitivity, churn
 * risk), `0` neither.
 */
export type SegmentAffinity = -1 | 0 | 1;

/** `[id, zh-CN, en, affinity, long-tail stem zh, stem en]`: one row per category of the reference operator. */
type CategoryRow = readonly [string, string, string, SegmentAffinity, string, string];

// The 80 tag categories of a provincial operator's label system (标签体系), grouped the way its
// marketing planners browse them: who the customer is, what they pay, hold, use, prefer and risk.
const categoryRows: readonly CategoryRow[] = [
  ['natural-attributes', '自然属性', 'Natural attributes', 0, '人群', 'demographic'],
  ['age-band', '年龄段', 'Age band', 0, '年龄', 'age'],
  ['gender', '性别', 'Gender', 0, '性别人群', 'gender group'],
  ['region', '地域', 'Region', 0, '地市', 'city cluster'],
  ['occupation', '职业', 'Occupation', 0, '职业', 'occupation'],
  ['life-stage', '人生阶段', 'Life stage', 0, '人生阶段', 'life stage'],
  ['value-level', '价值等级', 'Value level', 1, '价值', 'value'],
  ['arpu-band', 'ARPU分档', 'ARPU band', 1, 'ARPU', 'ARPU'],
  ['star-level', '星级客户', 'Star level', 1, '星级', 'star level'],
  ['credit', '信用等级', 'Credit rating', 1, '信用', 'credit'],
  ['consumption', '消费特征', 'Consumption', 1, '消费', 'spending'],
  ['payment-habit', '缴费习惯', 'Payment habit', 0, '缴费', 'payment'],
  ['arrears', '欠费风险', 'Arrears risk', -1, '欠费', 'arrears'],
  ['price-sensitivity', '价格敏感度', 'Price sensitivity', -1, '价格敏感', 'price sensitivity'],
  ['product-holding', '产品持有', 'Product holding', 0, '持有产品', 'product held'],
  ['plan-type', '套餐类型', 'Plan type', 0, '套餐', 'plan'],
  ['5g', '5G业务', '5G services', 1, '5G使用', '5G usage'],
  ['broadband', '宽带业务', 'Broadband', 0, '宽带', 'broadband'],
  ['convergence', '融合业务', 'Converged bundles', 1, '融合', 'bundle'],
  ['iptv', 'IPTV/魔百和', 'IPTV', 0, '电视点播', 'TV on demand'],
  ['value-added', '增值业务', 'Value-added services', 0, '增值', 'VAS'],
  ['rights-membership', '权益会员', 'Membership rights', 1, '权益', 'membership'],
  ['data-usage', '流量使用', 'Data usage', 0, '流量', 'data'],
  ['voice-usage', '语音使用', 'Voice usage', 0, '通话', 'voice'],
  ['sms-usage', '短彩信使用', 'Messaging usage', 0, '短信', 'messaging'],
  ['roaming', '漫游行为', 'Roaming', 1, '漫游', 'roaming'],
  ['international', '国际业务', 'International', 1, '国际', 'international'],
  ['quota', '套餐饱和度', 'Quota saturation', 0, '饱和度', 'saturation'],
  ['over-quota', '超套行为', 'Over-quota behaviour', 0, '超套', 'over quota'],
  ['app-usage', 'App使用偏好', 'App usage preference', 0, 'App使用', 'app usage'],
  ['video', '视频偏好', 'Video preference', 0, '视频', 'video'],
  ['gaming', '游戏偏好', 'Gaming preference', 0, '游戏', 'gaming'],
  ['music', '音乐偏好', 'Music preference', 0, '音乐', 'music'],
  ['reading', '阅读偏好', 'Reading preference', 0, '阅读', 'reading'],
  ['shopping', '网购偏好', 'Online shopping', 0, '网购', 'shopping'],
  ['social-media', '社交偏好', 'Social media', 0, '社交App', 'social app'],
  ['finance-app', '金融理财偏好', 'Finance apps', 1, '理财', 'finance'],
  ['travel', '出行偏好', 'Travel', 1, '出行', 'travel'],
  ['social-circle', '社交圈', 'Social circle', 0, '交往圈', 'social circle'],
  ['family-circle', '家庭圈', 'Family circle', 0, '家庭', 'family'],
  ['campus', '校园圈', 'Campus circle', -1, '校园', 'campus'],
  ['enterprise-circle', '政企圈', 'Enterprise circle', 1, '政企', 'enterprise'],
  ['community', '小区/社区', 'Residential community', 0, '小区', 'community'],
  ['behaviour-preference', '行为偏好', 'Behaviour preference', 0, '行为', 'behaviour'],
  ['channel-preference', '渠道偏好', 'Channel preference', 0, '渠道', 'channel'],
  ['contact-time', '接触时段偏好', 'Contact time preference', 0, '时段', 'time slot'],
  ['marketing-response', '营销响应', 'Marketing response', 0, '营销响应', 'offer response'],
  ['service-interaction', '服务交互', 'Service interaction', 0, '服务', 'service'],
  ['complaint', '投诉倾向', 'Complaint propensity', -1, '投诉', 'complaint'],
  ['satisfaction', '满意度', 'Satisfaction', 0, '满意度', 'satisfaction'],
  ['device', '终端', 'Device', 0, '终端', 'device'],
  ['device-brand', '终端品牌', 'Device brand', 0, '品牌', 'brand'],
  ['device-age', '换机周期', 'Device replacement cycle', -1, '换机', 'device change'],
  ['device-price', '终端价位', 'Device price band', 1, '机价', 'device price'],
  ['dual-sim', '双卡行为', 'Dual-SIM behaviour', -1, '双卡', 'dual SIM'],
  ['network-quality', '网络感知', 'Network experience', 0, '网络感知', 'network experience'],
  ['coverage', '覆盖场景', 'Coverage scene', 0, '覆盖', 'coverage'],
  ['tenure', '在网时长', 'Tenure', 1, '在网', 'tenure'],
  ['lifecycle', '生命周期', 'Lifecycle stage', 0, '生命周期', 'lifecycle'],
  ['churn-risk', '离网风险', 'Churn risk', -1, '离网', 'churn'],
  ['port-out', '携号转网倾向', 'Number portability risk', -1, '携转', 'porting'],
  ['loyalty', '忠诚度', 'Loyalty', 1, '忠诚', 'loyalty'],
  ['points', '积分', 'Loyalty points', 1, '积分', 'points'],
  ['contract', '合约', 'Contracts', 0, '合约', 'contract'],
  ['subsidy', '终端补贴', 'Device subsidy', 0, '补贴', 'subsidy'],
  ['family-plan', '家庭套餐', 'Family plan', 0, '亲情网', 'family network'],
  ['secondary-card', '副卡', 'Secondary SIM', 0, '副卡', 'secondary SIM'],
  ['iot', '物联网', 'IoT', 0, '物联网', 'IoT'],
  ['cloud', '云服务', 'Cloud services', 1, '云盘', 'cloud drive'],
  ['smart-home', '智慧家庭', 'Smart home', 0, '智家', 'smart home'],
  ['security', '安全服务', 'Security services', 0, '安全', 'security'],
  ['location', '位置特征', 'Location pattern', 0, '位置', 'location'],
  ['commute', '通勤特征', 'Commuting', 0, '通勤', 'commute'],
  ['residence', '居住地', 'Residence', 0, '居住', 'residence'],
  ['workplace', '工作地', 'Workplace', 0, '工作地', 'workplace'],
  ['business-travel', '商旅', 'Business travel', 1, '商旅', 'business trips'],
  ['seasonal', '季节性行为', 'Seasonal behaviour', 0, '季节', 'seasonal'],
  ['holiday', '节假日行为', 'Holiday behaviour', 0, '节假日', 'holiday'],
  ['real-time-scene', '实时场景', 'Real-time scene', 0, '场景', 'scene'],
  ['risk-control', '风控', 'Risk control', 0, '风控', 'risk'],
];

/** A category with what the generator needs beyond the catalog entry itself. */
export interface CategorySeed {
  readonly category: TagCategory;
  readonly affinity: SegmentAffinity;
  readonly stem: { readonly 'zh-CN': string; readonly en: string };
}

/** The first `count` categories; beyond the 80 of the table, numbered "extension" categories follow. */
export function buildCategorySeeds(count: number): CategorySeed[] {
  const seeds: CategorySeed[] = [];
  for (let i = 0; i < count; i++) {
    const row = categoryRows[i];
    if (row) {
      const [id, zh, en, affinity, stemZh, stemEn] = row;
      seeds.push({
        category: { id, name: { 'zh-CN': zh, en } },
        affinity,
        stem: { 'zh-CN': stemZh, en: stemEn },
      });
    } else {
      const n = i + 1;
      seeds.push({
        category: { id: `extension-${n}`, name: { 'zh-CN': `扩展分类${n}`, en: `Extension ${n}` } },
        affinity: 0,
        stem: { 'zh-CN': `扩展${n}`, en: `extension ${n}` },
      });
    }
  }
  return seeds;
}

/** Affinity of a category id (0 for ids outside the table), so a population can follow any catalog. */
export function affinityOfCategory(categoryId: string): SegmentAffinity {
  return categoryRows.find((row) => row[0] === categoryId)?.[3] ?? 0;
}
