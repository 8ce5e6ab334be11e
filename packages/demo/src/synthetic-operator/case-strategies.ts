import type { CaseTouchpointStrategy, LocalizedText, Touchpoint } from '@omnitouch/core';
import type { SeededRandom } from './seeded-random';

const hour = 3600;
const day = 24 * hour;

/** Outbound touchpoints by how often planners pick them. */
const outboundWeights: Readonly<Record<string, number>> = {
  sms: 5,
  'app-push': 4,
  'wechat-service-account': 3,
  '5g-message': 2,
  'outbound-call': 1,
  email: 1,
  'flash-sms': 0.5,
  'e-bill-note': 0.5,
  'video-ringback': 0.3,
};

/** Inbound touchpoints an offer may wait at for the customer's next visit. */
const holdWeights: Readonly<Record<string, number>> = {
  'app-home-banner': 4,
  'app-popup': 2,
  'web-hall-banner': 1,
  'wechat-mini-program': 1,
  'store-clerk-screen': 2,
  'call-centre-agent': 2,
  'iptv-portal': 0.5,
};

/**
 * 1–4 touchpoint strategies for a case: the in-contact touchpoint of its trigger first (when the
 * event has one), then outbound channels and inbound touchpoints where the offer waits.
 */
export function drawStrategies(
  template: LocalizedText,
  inContactAt: string | undefined,
  touchpoints: ReadonlyMap<string, Touchpoint>,
  random: SeededRandom,
): CaseTouchpointStrategy[] {
  const chosen: string[] = [];
  if (inContactAt !== undefined && random.chance(0.9)) {
    chosen.push(inContactAt);
  }
  const wanted = random.int(1, 4);
  for (let attempt = 0; chosen.length < wanted && attempt < 12; attempt++) {
    const pool = random.chance(0.6) ? outboundWeights : holdWeights;
    const id = pickByWeight(pool, random);
    if (touchpoints.has(id) && !chosen.includes(id)) {
      chosen.push(id);
    }
  }
  if (chosen.length === 0) {
    chosen.push(touchpoints.keys().next().value ?? 'sms');
  }
  return chosen.flatMap((id, preference) => {
    const touchpoint = touchpoints.get(id);
    return touchpoint === undefined
      ? []
      : [drawStrategy(touchpoint, preference, id === inContactAt, template, random)];
  });
}

function drawStrategy(
  touchpoint: Touchpoint,
  preference: number,
  isTriggerContact: boolean,
  template: LocalizedText,
  random: SeededRandom,
): CaseTouchpointStrategy {
  const outbound = touchpoint.kind === 'outbound';
  const method =
    touchpoint.deliveryMethods.length > 1 && random.chance(0.3)
      ? random.pick(touchpoint.deliveryMethods)
      : undefined;
  return {
    touchpointId: touchpoint.id,
    preference,
    template: decorate(template, touchpoint),
    ...(method !== undefined && { deliveryMethod: method }),
    delaySeconds: outbound && random.chance(0.15) ? random.pick([300, 900, 3600]) : 0,
    validForSeconds: isTriggerContact
      ? 2 * hour
      : outbound
        ? random.pick([1, 2, 3]) * day
        : random.pick([3, 7, 14]) * day,
    // A few outbound strategies only wait for the customer's next inbound contact.
    allowOutbound: outbound && random.chance(0.9),
  };
}

/** Wraps the product's copy the way each kind of touchpoint needs it. */
function decorate(template: LocalizedText, touchpoint: Touchpoint): LocalizedText {
  if (touchpoint.audience === 'staff') {
    return { 'zh-CN': `【推荐话术】${template['zh-CN']}`, en: `[Suggested pitch] ${template.en}` };
  }
  if (touchpoint.deliveryMethods.some((m) => m === 'sms' || m === 'rcs' || m === 'flash-sms')) {
    return {
      'zh-CN': `【星河通信】${template['zh-CN']}回复TD退订`,
      en: `[Galaxy Telecom] ${template.en} Reply TD to opt out.`,
    };
  }
  return template;
}

function pickByWeight(weights: Readonly<Record<string, number>>, random: SeededRandom): string {
  const entries = Object.entries(weights);
  let target = random.next() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [id, weight] of entries) {
    target -= weight;
    if (target < 0) {
      return id;
    }
  }
  return entries[0]?.[0] ?? 'sms';
}
