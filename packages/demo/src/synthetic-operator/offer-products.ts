/**
 * What the synthetic operator's marketing cases sell: `[id, zh-CN name, en name, template zh-CN,
 * template en, value CNY, trigger event types, anchor tags]`. Templates use `{{attribute}}`
 * placeholders filled from the customer's profile; anchor tags are who the product is for.
 */
export interface OfferProduct {
  readonly id: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly template: { readonly 'zh-CN': string; readonly en: string };
  readonly value: number;
  readonly triggers: readonly string[];
  readonly anchorTags: readonly string[];
  /** A service notice rather than marketing: exempt from the disturbance caps. */
  readonly transactional?: boolean;
}

type Row = readonly [string, string, string, string, string, number, string, string, boolean?];

// prettier-ignore
const rows: readonly Row[] = [
  ['data-pack-10g', '10GB流量加油包', '10 GB data booster', '本月流量已用{{data-used-pct}}%，10元加购10GB，当月有效。', "You've used {{data-used-pct}}% of this month's data: add 10 GB for CNY 10.", 10, 'quota-alert-80 quota-alert-100 data-over-quota data-pack-exhausted daily-data-peak app-session-start', 'heavy-data-user data-over-quota video-lover'],
  ['5g-upgrade', '5G套餐升级', '5G plan upgrade', '您的{{device}}已支持5G，升级5G套餐每月多享30GB高速流量。', 'Your {{device}} supports 5G: upgrade and get 30 GB more high-speed data a month.', 60, 'device-change-detected 5g-coverage-entered 5g-data-session quota-alert-80 app-session-start store-visit hotline-call', '5g-device-4g-plan 5g-device heavy-data-user'],
  ['night-unlimited', '夜间不限量包', 'Night-time unlimited data', '夜猫子专享：每晚23点至次日7点流量不限量，每月9元。', 'For night owls: unlimited data 23:00–07:00 for CNY 9 a month.', 9, 'night-data-usage daily-data-peak gaming-session', 'night-owl mobile-gamer'],
  ['video-vip', '视频会员权益包', 'Video membership bundle', '视频会员+20GB定向流量，每月仅需15元。', 'Video membership plus 20 GB of streaming data for CNY 15 a month.', 15, 'video-streaming-heavy video-membership-expiring app-page-view', 'video-lover short-video-fan video-membership'],
  ['gaming-boost', '游戏加速包', 'Gaming accelerator', '王者上分不卡顿：游戏专属加速通道，首月免费。', 'Lag-free gaming: a dedicated fast lane, first month free.', 12, 'gaming-session', 'mobile-gamer'],
  ['gigabit-broadband', '千兆宽带提速', 'Gigabit broadband upgrade', '{{city}}千兆宽带提速仅加20元/月，上门免费换光猫。', 'Gigabit broadband in {{city}} for CNY 20 more a month, free router swap.', 240, 'broadband-speed-test slow-data-experience store-visit hotline-call installer-visit repair-ticket-closed', 'broadband-holder smart-home-user'],
  ['converged-bundle', '手机宽带融合套餐', 'Mobile + broadband bundle', '手机+千兆宽带+电视一起办，每月立省50元。', 'Mobile, gigabit broadband and TV together: save CNY 50 a month.', 300, 'plan-change broadband-order store-visit bill-issued partner-shop-visit', 'broadband-holder family-plan-member'],
  ['whole-home-wifi', '全屋WiFi', 'Whole-home Wi-Fi', '全屋WiFi组网，告别信号死角，装维师傅免费上门勘测。', 'Whole-home Wi-Fi, no more dead zones: free survey by our installer.', 180, 'home-network-expansion-request broadband-speed-test router-offline installer-visit', 'broadband-holder gigabit-broadband'],
  ['roaming-day-pass', '国际漫游日包', 'International roaming day pass', '出行愉快！国际漫游25元/天，当地流量畅享。', 'Have a good trip! Roaming data for CNY 25 a day.', 25, 'roaming-start airport-arrival border-crossing roaming-data-alert', 'international-traveller frequent-roamer business-traveller'],
  ['intl-call-pack', '国际长途优惠包', 'International call pack', '国际长途每分钟低至0.39元，30元包100分钟。', 'International calls from CNY 0.39 a minute: 100 minutes for CNY 30.', 30, 'international-call', 'international-traveller business-traveller'],
  ['device-trade-in', '以旧换新补贴', 'Trade-in subsidy', '您的{{device}}已服役多年，以旧换新最高补贴800元。', 'Your {{device}} has served you well: trade it in for up to CNY 800.', 400, 'device-warranty-expiring trade-in-quote store-visit app-page-view device-financing-ended', 'device-over-2y'],
  ['contract-phone', '合约购机', 'Contract phone deal', '存费送机：月消费{{arpu}}元即可0元购5G新机。', 'Keep spending CNY {{arpu}} a month and get a 5G phone for free.', 800, 'contract-expiring store-visit partner-shop-visit app-cart-abandon', 'contract-expiring device-over-2y in-contract'],
  ['contract-renewal', '续约有礼', 'Renewal gift', '感谢相伴{{tenure-months}}个月，续约即送12个月视频会员。', 'Thank you for {{tenure-months}} months with us: renew and get 12 months of video membership.', 500, 'contract-expiring anniversary hotline-call', 'contract-expiring long-tenure'],
  ['retention-offer', '挽留专享优惠', 'Loyalty discount', '老朋友专享：现套餐月费8折，连续12个月。', 'Just for you: 20 % off your plan for 12 months.', 600, 'port-out-query cancellation-request plan-downgrade-request complaint-resolved broadband-cancel-request hotline-call', 'churn-high port-out-risk dual-sim-suspected'],
  ['family-secondary-card', '家庭副卡', 'Family secondary SIM', '副卡共享主卡流量，每张仅10元/月，最多可办4张。', 'Secondary SIMs share your data for CNY 10 each a month, up to 4.', 120, 'family-plan-joined plan-upgrade bill-issued store-visit', 'family-plan-member has-secondary-card'],
  ['auto-pay-gift', '自动缴费送流量', 'Auto-pay reward', '开通自动缴费，每月送2GB流量，再也不怕停机。', 'Switch on auto-pay and get 2 GB every month, never be cut off.', 20, 'top-up payment-received balance-low payment-overdue', 'price-sensitive low-arpu'],
  ['top-up-bonus', '充100送20', 'Top-up bonus', '限时充值100元送20元，今日有效。', 'Top up CNY 100 and get CNY 20 extra, today only.', 20, 'top-up balance-low prepaid-expiry-warning kiosk-session', 'price-sensitive'],
  ['points-redeem', '积分兑换', 'Points redemption', '您有{{points}}积分可兑换流量、话费或好礼，月底前有效。', 'You have {{points}} points for data, credit or gifts, valid to month end.', 5, 'points-expiring points-earned star-level-up app-session-start', 'points-rich star-5'],
  ['cloud-drive', '云盘扩容', 'Cloud drive upgrade', '云盘空间不足，1TB扩容首月1元。', 'Cloud drive almost full: 1 TB for CNY 1 the first month.', 30, 'cloud-storage-alert app-page-view', 'cloud-drive-user'],
  ['music-vip', '音乐会员', 'Music membership', '音乐会员+免流听歌，每月10元。', 'Music membership with free streaming data for CNY 10 a month.', 10, 'value-added-cancelled app-search', 'music-lover'],
  ['fraud-guard', '防骚扰卫士', 'Anti-fraud guard', '已为您拦截可疑来电，开通防骚扰卫士，全家安心。', 'We blocked a suspicious call: switch on the anti-fraud guard for the family.', 5, 'fraud-call-received spam-sms-reported', 'senior'],
  ['home-camera', '看家摄像头', 'Home camera', '看家摄像头0元领，云存储7天循环录像。', 'A free home camera with 7 days of cloud recording.', 90, 'smart-camera-activated iptv-vod-purchase installer-visit', 'smart-home-user family-plan-member'],
  ['iptv-movies', '魔百和影视包', 'IPTV movie package', '新片抢先看：影视包首月5元。', 'New releases first: the movie package for CNY 5 the first month.', 25, 'iptv-vod-purchase iptv-idle iptv-subscribed', 'iptv-subscriber'],
  ['campus-plan', '校园套餐', 'Campus plan', '同学专享：39元/月含60GB，校园WiFi免费用。', 'For students: 60 GB for CNY 39 a month plus free campus Wi-Fi.', 40, 'new-activation poi-visit app-search', 'student young-adult'],
  ['senior-care', '孝心套餐', 'Senior-care plan', '孝心套餐18元/月，大字版掌厅+亲情号码免费打。', 'Senior-care plan: CNY 18 a month, large-print app, free calls to family.', 18, 'birthday hotline-call ivr-call', 'senior'],
  ['bill-notice', '账单提醒', 'Bill reminder', '您的本月账单已出，套餐{{plan}}，请按时缴费。', 'Your bill is ready (plan {{plan}}); please pay on time.', 1, 'bill-issued payment-overdue auto-pay-failed credit-limit-reached', 'auto-pay arrears-risk price-sensitive', true],
  ['usage-notice', '用量提醒', 'Usage notice', '温馨提示：本月流量已用{{data-used-pct}}%。', 'Reminder: you have used {{data-used-pct}}% of your data this month.', 1, 'quota-alert-80 quota-alert-100 roaming-data-alert', 'heavy-data-user light-data-user data-over-quota', true],
  ['network-care', '网络关怀', 'Network care', '我们注意到您附近信号不佳，已安排优化，并赠送5GB流量致歉。', 'We noticed poor signal near you; we are fixing it and add 5 GB as an apology.', 50, 'weak-signal-detected call-drop network-complaint broadband-outage slow-data-experience', 'weak-coverage-home high-satisfaction long-tenure'],
  ['watch-esim', '一号双终端', 'Watch eSIM', '手表也能独立通话：一号双终端每月10元。', 'Let your watch make calls: one number on two devices for CNY 10 a month.', 60, 'wearable-paired esim-activated device-purchase', 'iphone-user huawei-user flagship-device'],
  ['business-plan', '商务套餐', 'Business plan', '商务通话不限量，含全国漫游与会议电话。', 'Unlimited business calls, nationwide roaming and conference calls.', 350, 'long-call voice-usage-spike voice-over-quota', 'enterprise-member business-traveller'],
  ['welcome-pack', '新人礼包', 'Welcome pack', '欢迎加入！新人礼包含30GB流量与视频会员月卡。', 'Welcome! 30 GB and a month of video membership are waiting for you.', 30, 'new-activation app-install', 'new-customer'],
  ['app-comeback', '掌厅回归礼', 'App come-back reward', '好久不见！登录掌厅领取5GB流量。', 'Long time no see! Open the app to claim 5 GB.', 5, 'app-install push-opened sms-link-clicked mini-program-open', 'app-dormant'],
  ['cart-recovery', '购物车挽回券', 'Cart recovery coupon', '您心仪的商品还在购物车，送您50元券，24小时内有效。', 'Your item is still in the cart: here is CNY 50 off, valid 24 hours.', 50, 'app-cart-abandon web-hall-order-abandon coupon-claimed', 'online-shopper'],
  ['hotspot-pack', '共享热点包', 'Hotspot sharing pack', '热点共享不限速，每月6元。', 'Full-speed hotspot sharing for CNY 6 a month.', 6, 'hotspot-usage', 'heavy-data-user'],
  ['mall-voucher', '商圈权益券', 'Mall voucher', '您正在{{city}}热门商圈，领取20元餐饮券。', "You're at a popular mall in {{city}}: here is a CNY 20 dining voucher.", 8, 'poi-visit', 'online-shopper young-adult'],
];

/** The 35 products the synthetic cases sell. */
export const offerProducts: readonly OfferProduct[] = rows.map(
  ([id, zh, en, templateZh, templateEn, value, triggers, anchors, transactional]) => ({
    id,
    name: { 'zh-CN': zh, en },
    template: { 'zh-CN': templateZh, en: templateEn },
    value,
    triggers: triggers.split(' '),
    anchorTags: anchors.split(' '),
    ...(transactional === true && { transactional }),
  }),
);
