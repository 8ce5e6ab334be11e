/**
 * Standalone measurement prototype for docs/decisions/0008-flat-customer-records.md, not product code.
 *
 * Flat-memory-layout decision pipeline prototype (standalone but for `CustomerDirectory`, the
 * numeric look-up it measured, now in core). Run with:
 *
 *   node --max-semi-space-size=64 --import tsx bench/prototypes/flat-pipeline.prototype.ts [customers]
 *        [--mode=full|rules|lookup] [--lookup=map|oa] [--layout=flat|row|object] [--offers=map|array]
 *
 * mode   lookup : customer lookup + event-type lookup + windowed counter update
 *        rules  : + event validation + real-time tag update + target-rule/trigger evaluation
 *        full   : + contact policy, suppression, arbitration, offer/action objects, contact ring,
 *                 open-offer slots, offer store (Map by id), outbox
 * lookup map    : Map<string, number> from the 11-digit id string
 *        oa     : id parsed to a number, open-addressing Float64Array/Int32Array table (`CustomerDirectory`)
 * layout flat   : one typed-array column (region) per field in one ArrayBuffer (default)
 *        row    : one packed ~700-byte record per customer in one ArrayBuffer (same code, other strides)
 *        object : (ablation, only for --mode=rules) one JS object per customer: attributes object,
 *                 Uint32Array tags, arrays of counter / real-time-tag objects
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import v8 from 'node:v8';
import { CustomerDirectory } from '@omnitouch/core';

// ------------------------------------------------------------------------------------------ args
const argv = process.argv.slice(2);
const N = Number(argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
/** `--name=value`, or `def`; a value outside `allowed` (when given) stops the run naming the option. */
const opt = (name: string, def: string, allowed?: readonly string[]) => {
  const a = argv.find((x) => x.startsWith(`--${name}=`));
  const value = a === undefined ? def : a.slice(name.length + 3);
  if (allowed !== undefined && !allowed.includes(value)) {
    console.error(`--${name}: "${value}" is not one of ${allowed.join(', ')}`);
    process.exit(2);
  }
  return value;
};
const MODE = opt('mode', 'full', ['full', 'rules', 'lookup']);
const LEVEL = MODE === 'lookup' ? 0 : MODE === 'rules' ? 1 : 2;
const LOOKUP = opt('lookup', 'map', ['map', 'oa']);
const LAYOUT = opt('layout', 'flat', ['flat', 'row', 'object']);
const OFFERS = opt('offers', 'map', ['map', 'array']); // map: Map<offerId, Offer>; array: Offer[] indexed by sequence number
/** A whole-number option of at least 1; anything else stops the run naming the option. */
const count = (name: string, def: string) => {
  const value = Number(opt(name, def));
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name}: must be a whole number of at least 1`);
    process.exit(2);
  }
  return value;
};
const WARMUP = count('warmup', '200000');
const PASS = count('pass', '400000');
const PASSES = 3;
const TOTAL_EVENTS = Math.max(1_600_000, WARMUP + PASS * PASSES);
const DEBUG = argv.includes('--debug');
const dbg = new Float64Array(16); // drop reasons (only counted with --debug)
const STREAM_RATE = 200_000; // events per second of stream time

// ------------------------------------------------------------------------------------------ prng
let rs = 0x2026;
function rnd(): number {
  rs = (rs + 0x6d2b79f5) | 0;
  let t = Math.imul(rs ^ (rs >>> 15), 1 | rs);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const rint = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const chance = (p: number) => rnd() < p;
function pick<T>(a: readonly T[]): T {
  return a[Math.floor(rnd() * a.length)] as T;
}

// ------------------------------------------------------------------------------------------ time
const DAY = 86_400_000;
const OPERATOR_TZ = 480; // minutes east of UTC
const REF_MIDNIGHT_UTC = Date.UTC(2026, 5, 1); // 2026-06-01T00:00Z
// 10:00 local (UTC+8) = 02:00Z
const START_AT = REF_MIDNIGHT_UTC + 10 * 3_600_000 - OPERATOR_TZ * 60_000;
const T0 = START_AT - 400 * DAY; // origin for Int32 second-resolution slots
const toSec = (ms: number) => Math.floor((ms - T0) / 1000);

// ------------------------------------------------------------------------------------------ catalog: touchpoints
const TP_NAMES = [
  'store-clerk-screen',
  'call-centre-agent',
  'partner-shop-clerk',
  'installer-pad',
  'app-home-banner',
  'app-popup',
  'web-hall-banner',
  'wechat-mini-program',
  'ivr',
  'self-service-kiosk',
  'iptv-portal',
  'sms',
  '5g-message',
  'app-push',
  'wechat-service-account',
  'email',
  'outbound-call',
  'flash-sms',
  'e-bill-note',
  'video-ringback',
];
const NTP = TP_NAMES.length;
const tpIdx = (n: string) => TP_NAMES.indexOf(n);
const tpOutbound = new Uint8Array(NTP);
const tpDisturbing = new Uint8Array(NTP); // outbound, except e-bill note and video ringback
const tpWeight = new Float64Array(NTP);
const tpCap = new Int32Array(NTP); // disturbing contacts per 30 days on this touchpoint, 0 = no cap
const tpConsentBit = new Uint8Array(NTP); // bit in customer's opt-out mask
for (let t = 0; t < NTP; t++) {
  tpOutbound[t] = t >= 11 ? 1 : 0;
  tpWeight[t] = t >= 11 ? 1 : 1.25;
}
for (let t = 11; t < NTP; t++) {
  tpDisturbing[t] = 1;
}
tpDisturbing[tpIdx('e-bill-note')] = 0;
tpDisturbing[tpIdx('video-ringback')] = 0;
tpWeight[tpIdx('outbound-call')] = 1.4;
tpWeight[tpIdx('email')] = 0.6;
tpCap[tpIdx('sms')] = 6;
tpCap[tpIdx('5g-message')] = 4;
tpCap[tpIdx('app-push')] = 10;
tpCap[tpIdx('outbound-call')] = 1;
tpCap[tpIdx('flash-sms')] = 2;
for (const n of ['sms', '5g-message', 'flash-sms']) {
  tpConsentBit[tpIdx(n)] = 1;
}
tpConsentBit[tpIdx('app-push')] = 2;
tpConsentBit[tpIdx('email')] = 4;
tpConsentBit[tpIdx('outbound-call')] = 8;
const OUTBOUND_POOL = [
  ...Array<string>(30).fill('sms'),
  ...Array<string>(25).fill('app-push'),
  ...Array<string>(10).fill('5g-message'),
  ...Array<string>(15).fill('wechat-service-account'),
  ...Array<string>(8).fill('email'),
  ...Array<string>(4).fill('outbound-call'),
  ...Array<string>(3).fill('flash-sms'),
  ...Array<string>(3).fill('e-bill-note'),
  ...Array<string>(2).fill('video-ringback'),
].map(tpIdx);
const GLOBAL_CAP_30D = 15;
const GLOBAL_CAP_DAY = 3;
const QUIET_FROM = 22;
const QUIET_TO = 8;

// ------------------------------------------------------------------------------------------ catalog: event types
// name weight(%) casesTriggered propCount — the shape of the project's synthetic operator
const TYPE_TABLE =
  'daily-data-peak 10.896 11 2|top-up 8.172 12 2|quota-alert-50 5.448 1 2|video-streaming-heavy 4.903 6 2|quota-alert-80 4.358 9 2|bill-issued 3.269 50 2|5g-data-session 3.269 2 2|payment-received 2.724 6 2|gaming-session 2.724 12 2|app-page-view 2.724 18 1|balance-low 2.179 10 1|quota-alert-100 2.179 9 2|night-data-usage 2.179 6 1|app-session-start 2.179 61 2|data-over-quota 1.634 4 1|long-call 1.634 6 1|points-earned 1.634 6 1|5g-coverage-entered 1.634 4 1|poi-visit 1.634 12 1|hotspot-usage 1.362 6 2|weak-signal-detected 1.362 3 2|data-pack-exhausted 1.090 5 1|roaming-start 1.090 2 2|data-pack-purchased 1.090 1 2|slow-data-experience 1.090 6 1|wifi-offload 1.090 1 1|payment-overdue 0.817 9 2|voice-over-quota 0.817 5 1|international-call 0.817 6 2|voice-usage-spike 0.817 6 2|roaming-end 0.817 1 1|device-change-detected 0.817 6 2|hotline-call 0.817 66 2|mini-program-open 0.817 47 1|app-search 0.817 13 1|push-opened 0.817 6 1|call-drop 0.817 6 1|credit-limit-reached 0.545 6 1|prepaid-expiry-warning 0.545 6 1|wifi-calling-used 0.545 1 1|roaming-data-alert 0.545 8 1|airport-arrival 0.545 4 1|plan-change 0.545 5 2|value-added-subscribed 0.545 1 1|points-expiring 0.545 3 2|store-visit 0.545 72 2|online-hall-login 0.545 50 0|ivr-call 0.545 46 1|sms-link-clicked 0.545 6 1|auto-pay-enabled 0.272 1 1|auto-pay-failed 0.272 6 1|invoice-requested 0.272 1 1|bill-shock 0.272 1 2|roaming-pack-purchased 0.272 1 1|border-crossing 0.272 6 1|plan-downgrade-request 0.272 3 2|plan-upgrade 0.272 7 1|value-added-cancelled 0.272 6 1|5g-plan-activated 0.272 1 1|device-purchase 0.272 6 3|points-redeemed 0.272 1 2|new-activation 0.272 12 2|contract-expiring 0.272 9 1|app-cart-abandon 0.272 10 2|coupon-claimed 0.272 6 1|email-opened 0.272 1 1|broadband-speed-test 0.272 8 1|iptv-vod-purchase 0.272 12 2|video-membership-expiring 0.272 6 2|fraud-call-received 0.272 6 1|broadband-order 0.218 4 1|partner-shop-visit 0.218 59 1|survey-completed 0.218 1 1|bill-dispute 0.136 1 1|iptv-subscribed 0.136 6 1|secondary-card-added 0.136 1 1|family-plan-joined 0.136 6 1|sim-swap 0.136 1 1|esim-activated 0.136 6 1|device-warranty-expiring 0.136 6 1|trade-in-quote 0.136 6 2|wearable-paired 0.136 6 1|star-level-up 0.136 5 1|anniversary 0.136 6 1|number-suspended 0.136 1 1|number-reactivated 0.136 1 0|contract-renewed 0.136 1 1|port-out-query 0.136 6 1|birthday 0.136 6 1|kiosk-session 0.136 5 1|complaint-filed 0.136 1 2|repair-ticket-opened 0.136 1 1|app-install 0.136 12 1|web-hall-order-abandon 0.136 6 1|broadband-outage 0.136 5 1|router-offline 0.136 5 1|iptv-idle 0.136 6 1|cloud-storage-alert 0.136 6 1|spam-sms-reported 0.136 6 0|complaint-resolved 0.109 5 1|repair-ticket-closed 0.109 4 0|broadband-cancel-request 0.082 5 1|device-financing-ended 0.082 5 0|star-level-down 0.082 1 1|installer-visit 0.082 16 1|network-complaint 0.082 3 1|volte-activated 0.082 1 0|smart-camera-activated 0.082 6 0|port-out-request 0.054 1 1|cancellation-request 0.054 6 1|app-uninstall 0.054 1 0|home-network-expansion-request 0.054 6 1';
const typeRows = TYPE_TABLE.split('|').map((r) => {
  const [name, w, c, p] = r.split(' ');
  return { name: name as string, weight: Number(w), cases: Number(c), props: Number(p) };
});
// Two response event types so that declines (cooldowns) and accepts close open offers.
typeRows.push({ name: 'offer-accepted', weight: 0.4, cases: 0, props: 1 });
typeRows.push({ name: 'offer-declined', weight: 0.6, cases: 0, props: 1 });
// keep exactly 112 types: drop two of the rarest zero-weight-ish rows (their 7 cases move below)
const dropped = typeRows.splice(typeRows.length - 4, 2);
(typeRows[5] as { cases: number }).cases += dropped.reduce((s, r) => s + r.cases, 0); // bill-issued
const NT = typeRows.length; // 112
const TYPE_NAMES = typeRows.map((r) => r.name);
const typeIndex = new Map<string, number>(TYPE_NAMES.map((n, i) => [n, i]));
const ET_ACCEPT = typeIndex.get('offer-accepted') as number;
const ET_DECLINE = typeIndex.get('offer-declined') as number;
const IN_CONTACT: Record<string, string> = {
  'hotline-call': 'call-centre-agent',
  'store-visit': 'store-clerk-screen',
  'online-hall-login': 'web-hall-banner',
  'app-session-start': 'app-home-banner',
  'app-page-view': 'app-popup',
  'ivr-call': 'ivr',
  'partner-shop-visit': 'partner-shop-clerk',
  'kiosk-session': 'self-service-kiosk',
  'mini-program-open': 'wechat-mini-program',
  'installer-visit': 'installer-pad',
  'iptv-vod-purchase': 'iptv-portal',
};
const typeInContact = new Int8Array(NT).fill(-1);
for (const [t, tp] of Object.entries(IN_CONTACT)) {
  typeInContact[typeIndex.get(t) as number] = tpIdx(tp);
}

// Property schemas: 1–4 properties, numbers (with range) or enums; the first is required.
const MAXP = 4;
const propNames: string[][] = [];
const propKind = new Uint8Array(NT * MAXP); // 0 number, 1 enum
const propReq = new Uint8Array(NT * MAXP);
const propMin = new Float64Array(NT * MAXP);
const propMax = new Float64Array(NT * MAXP);
const propEnum: (Map<string, number> | undefined)[] = new Array<Map<string, number> | undefined>(
  NT * MAXP,
);
const propEnumValues: string[][] = new Array<string[]>(NT * MAXP);
const nProps = new Uint8Array(NT);
const NUM_PROP_NAMES = [
  'mb',
  'amount',
  'durationSec',
  'pct',
  'count',
  'minutes',
  'speedMbps',
  'score',
];
const ENUM_PROP_SETS: [string, string[]][] = [
  ['network', ['5g', '4g', '3g']],
  ['channel', ['app', 'web', 'store', 'hotline', 'partner']],
  ['quotaType', ['data', 'voice', 'sms']],
  ['poiType', ['airport', 'mall', 'stadium', 'station', 'campus', 'hospital']],
  ['payMethod', ['alipay', 'wechat', 'card', 'cash']],
  ['reason', ['price', 'coverage', 'service', 'device', 'other']],
];
for (let t = 0; t < NT; t++) {
  let np = Math.max(1, (typeRows[t] as { props: number }).props);
  if (np < MAXP && chance(0.12)) {
    np++;
  }
  nProps[t] = np;
  const names: string[] = [];
  for (let j = 0; j < np; j++) {
    const k = t * MAXP + j;
    const isEnum = j > 0 ? chance(0.5) : chance(0.3);
    if (isEnum) {
      let set = pick(ENUM_PROP_SETS);
      while (names.includes(set[0])) {
        set = pick(ENUM_PROP_SETS);
      }
      names.push(set[0]);
      propKind[k] = 1;
      propEnumValues[k] = set[1];
      propEnum[k] = new Map(set[1].map((v, i) => [v, i]));
    } else {
      let n = pick(NUM_PROP_NAMES);
      while (names.includes(n)) {
        n = pick(NUM_PROP_NAMES);
      }
      names.push(n);
      propKind[k] = 0;
      propMin[k] = 0;
      propMax[k] = pick([100, 1000, 5000, 100000]);
    }
    propReq[k] = j === 0 ? 1 : chance(0.4) ? 1 : 0;
  }
  propNames.push(names);
}

// Real-time tags (9): set by an event type, expire after a TTL.
const RT_DEFS: [string, number][] = [
  ['roaming-start', 3 * DAY],
  ['store-visit', 2 * 3_600_000],
  ['partner-shop-visit', 2 * 3_600_000],
  ['app-session-start', 30 * 60_000],
  ['hotline-call', DAY],
  ['top-up', 7 * DAY],
  ['payment-overdue', 7 * DAY],
  ['airport-arrival', DAY],
  ['international-call', 3 * DAY],
];
const typeSetsRt = new Int8Array(NT).fill(-1);
const rtTtlSec = new Int32Array(RT_DEFS.length);
RT_DEFS.forEach(([t, ttl], bit) => {
  typeSetsRt[typeIndex.get(t) as number] = bit;
  rtTtlSec[bit] = ttl / 1000;
});

// ------------------------------------------------------------------------------------------ catalog: tags
const NUM_TAGS = 1200;
const W = 38; // uint32 words per customer
const commonP = new Float64Array(64);
for (let t = 0; t < 64; t++) {
  commonP[t] = 0.2 + 0.2 * rnd();
}
// negative tags (fatigued, complaint-prone, arrears-risk, ...): 1190–1199 with 3–10 %
const negP = new Float64Array(10);
for (let j = 0; j < 10; j++) {
  negP[j] = 0.03 + 0.07 * rnd();
}
const longTailTag = () => 64 + Math.floor(1126 * rnd() * rnd());

// ------------------------------------------------------------------------------------------ customers (flat columns)
const CNT_SLOTS = 8; // [eventType+1, localDay, count]
const RT_SLOTS = 4; // [bit+1, expiresAtSec]
const RING = 16;
const CD_SLOTS = 4; // [case+1, untilSec]
const OO_SLOTS = 8; // [case+1, offerSeq, expiresAtSec]

const tStart = performance.now();
// One ArrayBuffer holds every per-customer field. --layout=flat (default): one column per field
// (region per field, customers consecutive); --layout=row: one packed record per customer.
// Index of field F for customer c, slot j: c * S_F + O_F + j (in units of the field's view).
type FieldDef = [name: string, unitBytes: number, count: number];
const FIELDS: FieldDef[] = [
  ['ARPU', 8, 1],
  ['DPCT', 8, 1],
  ['BAL', 8, 1],
  ['CHURN', 8, 1],
  ['CRAT', 8, RING],
  ['TAGS', 4, W],
  ['TENURE', 4, 1],
  ['POINTS', 4, 1],
  ['CNT', 4, CNT_SLOTS * 3],
  ['RT', 4, RT_SLOTS * 2],
  ['CD', 4, CD_SLOTS * 2],
  ['OO', 4, OO_SLOTS * 3],
  ['TZ', 2, 1],
  ['CRCASE', 2, RING],
  ['AGE', 1, 1],
  ['VSEG', 1, 1],
  ['NET', 1, 1],
  ['CITY', 1, 1],
  ['STAR', 1, 1],
  ['PLAN', 1, 1],
  ['DEV', 1, 1],
  ['OPTOUT', 1, 1],
  ['CRHEAD', 1, 1],
  ['CRLEN', 1, 1],
  ['CRTP', 1, RING],
  ['CRDIST', 1, RING],
];
const align = (x: number, a: number) => Math.ceil(x / a) * a;
const L: Record<string, { s: number; o: number }> = {};
let bufBytes = 0;
let recordBytes = 0;
if (LAYOUT === 'row') {
  let off = 0;
  for (const [name, unit, count] of FIELDS) {
    off = align(off, unit);
    L[name] = { s: 0, o: off / unit };
    off += unit * count;
  }
  recordBytes = align(off, 64);
  for (const [name, unit] of FIELDS) {
    (L[name] as { s: number }).s = recordBytes / unit;
  }
  bufBytes = recordBytes * N;
} else {
  let off = 0;
  for (const [name, unit, count] of FIELDS) {
    off = align(off, 64);
    L[name] = { s: count, o: off / unit };
    off += N * count * unit;
  }
  bufBytes = align(off, 64);
}
const BUF = new ArrayBuffer(bufBytes);
const F64 = new Float64Array(BUF);
const U32 = new Uint32Array(BUF);
const I32 = new Int32Array(BUF);
const I16 = new Int16Array(BUF);
const U8 = new Uint8Array(BUF);
const f = (n: string) => L[n] as { s: number; o: number };
const S_ARPU = f('ARPU').s,
  O_ARPU = f('ARPU').o,
  S_DPCT = f('DPCT').s,
  O_DPCT = f('DPCT').o;
const S_BAL = f('BAL').s,
  O_BAL = f('BAL').o,
  S_CHURN = f('CHURN').s,
  O_CHURN = f('CHURN').o;
const S_CRAT = f('CRAT').s,
  O_CRAT = f('CRAT').o,
  S_TAGS = f('TAGS').s,
  O_TAGS = f('TAGS').o;
const S_TENURE = f('TENURE').s,
  O_TENURE = f('TENURE').o,
  S_POINTS = f('POINTS').s,
  O_POINTS = f('POINTS').o;
const S_CNT = f('CNT').s,
  O_CNT = f('CNT').o,
  S_RT = f('RT').s,
  O_RT = f('RT').o;
const S_CD = f('CD').s,
  O_CD = f('CD').o,
  S_OO = f('OO').s,
  O_OO = f('OO').o;
const S_TZ = f('TZ').s,
  O_TZ = f('TZ').o,
  S_CRCASE = f('CRCASE').s,
  O_CRCASE = f('CRCASE').o;
const S_AGE = f('AGE').s,
  O_AGE = f('AGE').o,
  S_VSEG = f('VSEG').s,
  O_VSEG = f('VSEG').o;
const S_NET = f('NET').s,
  O_NET = f('NET').o,
  S_CITY = f('CITY').s,
  O_CITY = f('CITY').o;
const S_STAR = f('STAR').s,
  O_STAR = f('STAR').o,
  S_PLAN = f('PLAN').s,
  O_PLAN = f('PLAN').o;
const S_DEV = f('DEV').s,
  O_DEV = f('DEV').o,
  S_OPTOUT = f('OPTOUT').s,
  O_OPTOUT = f('OPTOUT').o;
const S_CRHEAD = f('CRHEAD').s,
  O_CRHEAD = f('CRHEAD').o,
  S_CRLEN = f('CRLEN').s,
  O_CRLEN = f('CRLEN').o;
const S_CRTP = f('CRTP').s,
  O_CRTP = f('CRTP').o,
  S_CRDIST = f('CRDIST').s,
  O_CRDIST = f('CRDIST').o;
// slot regions and the ring use the shared views directly with per-customer bases
const tags = U32;
const cnt = I32;
const rtSlot = I32;
const cdSlot = I32;
const ooSlot = I32;
const crAt = F64;
const crCase = I16;
const crTp = U8;
const crDist = U8;

const NCASES_PLANNED = typeRows.reduce((s, r) => s + r.cases, 0);
const startDayLocal = Math.floor((START_AT + OPERATOR_TZ * 60_000) / DAY);
for (let c = 0; c < N; c++) {
  const b = c * S_TAGS + O_TAGS;
  for (let t = 0; t < 64; t++) {
    if (rnd() < (commonP[t] as number)) {
      (tags[b + (t >> 5)] as number) |= 1 << (t & 31);
    }
  }
  const extra = rint(6, 20);
  for (let j = 0; j < extra; j++) {
    const t = longTailTag();
    (tags[b + (t >> 5)] as number) |= 1 << (t & 31);
  }
  for (let j = 0; j < 10; j++) {
    if (rnd() < (negP[j] as number)) {
      const t = 1190 + j;
      (tags[b + (t >> 5)] as number) |= 1 << (t & 31);
    }
  }
  const u = rnd();
  const seg = u < 0.4 ? 0 : u < 0.65 ? 1 : u < 0.85 ? 2 : u < 0.95 ? 3 : 4;
  U8[c * S_VSEG + O_VSEG] = seg;
  F64[c * S_ARPU + O_ARPU] = Math.round((30 + seg * 35) * (0.4 + 1.4 * rnd()) * 100) / 100;
  U8[c * S_AGE + O_AGE] = rint(16, 80);
  I32[c * S_TENURE + O_TENURE] = Math.floor(rnd() * rnd() * 240);
  F64[c * S_DPCT + O_DPCT] = Math.round(rnd() * 150 * 10) / 10;
  U8[c * S_NET + O_NET] = chance(0.45) ? 1 : chance(0.9) ? 0 : 2;
  U8[c * S_CITY + O_CITY] = chance(0.25) ? rint(0, 3) : rint(4, 29);
  U8[c * S_STAR + O_STAR] = rint(0, 7);
  U8[c * S_PLAN + O_PLAN] = rint(0, 9);
  U8[c * S_DEV + O_DEV] = rint(0, 15);
  F64[c * S_BAL + O_BAL] = Math.round(rnd() * 300 * 100) / 100;
  I32[c * S_POINTS + O_POINTS] = rint(0, 20000);
  F64[c * S_CHURN + O_CHURN] = rnd();
  I16[c * S_TZ + O_TZ] = chance(0.97) ? OPERATOR_TZ : pick([420, 540, 360]);
  U8[c * S_OPTOUT + O_OPTOUT] =
    (chance(0.04) ? 1 : 0) | (chance(0.05) ? 2 : 0) | (chance(0.1) ? 4 : 0) | (chance(0.3) ? 8 : 0);
  // history: counters of earlier days
  const nc = rint(0, 5);
  for (let s = 0; s < nc; s++) {
    const o = c * S_CNT + O_CNT + s * 3;
    cnt[o] = rint(0, NT - 1) + 1;
    cnt[o + 1] = startDayLocal - rint(1, 6);
    cnt[o + 2] = rint(1, 20);
  }
  // contact history: 0–8 contacts in the last 30 days (+ 10 % one earlier today), oldest first
  const nh = rint(0, 8);
  const times: number[] = [];
  for (let j = 0; j < nh; j++) {
    times.push(START_AT - (1 + rnd() * 29) * DAY);
  }
  if (chance(0.1)) {
    times.push(START_AT - rnd() * 2 * 3_600_000);
  }
  times.sort((x, y) => x - y);
  for (let j = 0; j < times.length; j++) {
    crAt[c * S_CRAT + O_CRAT + j] = times[j] as number;
    crCase[c * S_CRCASE + O_CRCASE + j] = rint(0, NCASES_PLANNED - 1);
    const out = chance(0.7);
    const tp = out ? pick(OUTBOUND_POOL) : rint(0, 10);
    crTp[c * S_CRTP + O_CRTP + j] = tp;
    crDist[c * S_CRDIST + O_CRDIST + j] = tpDisturbing[tp] as number;
  }
  U8[c * S_CRHEAD + O_CRHEAD] = times.length & (RING - 1);
  U8[c * S_CRLEN + O_CRLEN] = times.length;
  if (chance(0.05)) {
    cdSlot[c * S_CD + O_CD] = rint(0, NCASES_PLANNED - 1) + 1;
    cdSlot[c * S_CD + O_CD + 1] = toSec(START_AT + rint(1, 30) * DAY);
  }
}
const tCustomers = performance.now() - tStart;

// ------------------------------------------------------------------------------------------ catalog: cases (compiled rules)
const NC = NCASES_PLANNED;
const caseIds: string[] = [];
const caseType = new Int32Array(NC);
const caseValue = new Float64Array(NC);
const casePriority = new Float64Array(NC);
const caseCapCount = new Int32Array(NC);
const caseCapDays = new Int32Array(NC);
const caseCooldownDays = new Int32Array(NC);
const caseTransactional = new Uint8Array(NC);
const casePa = new Float64Array(NC);
const casePb = new Float64Array(NC);
const casePc = new Float64Array(NC);
const caseTpStart = new Int32Array(NC + 1);
const ctpTp: number[] = [];
const ctpDelayMs: number[] = [];
const ctpValidMs: number[] = [];
const ctpAllowOut: number[] = [];
const caseTplA: string[] = [];
const caseTplB: string[] = [];
const caseTplC: string[] = [];
type RuleFn = (c: number, nowS: number, pm: number) => boolean;
/** `new Function(...)` result: called once with the columns the rule closes over, returns the rule. */
type RuleFactory = (...closedOver: unknown[]) => RuleFn;
const caseRule: RuleFn[] = [];
const ruleSources: string[] = [];
const PRODUCTS = [
  '5G upgrade',
  'data booster',
  'family plan',
  'video membership',
  'roaming pack',
  'broadband',
  'home camera',
  'device trade-in',
  'cloud storage',
  'gaming pack',
  'voice bundle',
  'points mall',
  'insurance',
  'e-SIM watch',
  'IPTV pack',
];

// columns the compiled rules close over
const PV = new Float64Array(MAXP); // validated event property values (numbers, enum indexes)
function rtHas(c: number, bit: number, nowS: number): boolean {
  const o = c * S_RT + O_RT;
  for (let s = 0; s < RT_SLOTS; s++) {
    if (rtSlot[o + s * 2] === bit + 1 && (rtSlot[o + s * 2 + 1] as number) > nowS) {
      return true;
    }
  }
  return false;
}
function tagTestSrc(t: number, neg: boolean): string {
  return `(T[b + ${t >> 5}] & ${(1 << (t & 31)) >>> 0}) ${neg ? '===' : '!=='} 0`;
}
function anyTagsSrc(list: number[]): string {
  const byWord = new Map<number, number>();
  for (const t of list) {
    byWord.set(t >> 5, ((byWord.get(t >> 5) ?? 0) | (1 << (t & 31))) >>> 0);
  }
  const parts = [...byWord].map(([w, m]) => `(T[b + ${w}] & ${m}) !== 0`);
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' || ')})`;
}
const SEGMENTS: (() => string)[] = [
  () => `((28 >>> VSEG[c]) & 1) !== 0`, // gold, platinum, diamond
  () => `((6 >>> VSEG[c]) & 1) !== 0`, // silver, gold
  () => `((3 >>> VSEG[c]) & 1) !== 0`, // mass, silver
  () => `ARPU[c] >= 100`,
  () => `AGE[c] <= 30`,
  () => `AGE[c] >= 55`,
  () => `TEN[c] >= 36`,
  () => `TEN[c] <= 6`,
  () => `CITY[c] < 4`,
  () => `NET[c] === 1`,
];
const REFINEMENTS: (() => string)[] = [
  () => tagTestSrc(1190, true),
  () => tagTestSrc(1191, true),
  () => tagTestSrc(1192, true),
  () => `TEN[c] >= 3`,
  () => `AGE[c] >= 18`,
  () => `DPCT[c] >= 40`,
  () => `STAR[c] >= 2`,
  () => `NET[c] === 1`,
];
const ruleFactoryArgs = ['T', 'F64', 'I32', 'U8', 'rtHas', 'PV'];
const ruleFactoryVals = [U32, F64, I32, U8, rtHas, PV];
/** The symbolic rule source with the layout's index arithmetic baked in as constants. */
function flatRuleSrc(src: string): string {
  return src
    .replace('const b = c * 38;', `const b = c * ${S_TAGS} + ${O_TAGS};`)
    .replace(/ARPU\[c\]/g, `F64[c * ${S_ARPU} + ${O_ARPU}]`)
    .replace(/DPCT\[c\]/g, `F64[c * ${S_DPCT} + ${O_DPCT}]`)
    .replace(/TEN\[c\]/g, `I32[c * ${S_TENURE} + ${O_TENURE}]`)
    .replace(/AGE\[c\]/g, `U8[c * ${S_AGE} + ${O_AGE}]`)
    .replace(/VSEG\[c\]/g, `U8[c * ${S_VSEG} + ${O_VSEG}]`)
    .replace(/NET\[c\]/g, `U8[c * ${S_NET} + ${O_NET}]`)
    .replace(/CITY\[c\]/g, `U8[c * ${S_CITY} + ${O_CITY}]`)
    .replace(/STAR\[c\]/g, `U8[c * ${S_STAR} + ${O_STAR}]`);
}

let k = 0;
const casesByType: number[][] = Array.from({ length: NT }, () => []);
for (let t = 0; t < NT; t++) {
  const row = typeRows[t] as { cases: number };
  for (let n = 0; n < row.cases; n++, k++) {
    caseType[k] = t;
    casesByType[t]?.push(k);
    const product = pick(PRODUCTS);
    caseIds.push(
      `mc-${String(k + 1).padStart(4, '0')}-${product.replace(/ /g, '-').toLowerCase()}`,
    );
    caseValue[k] = Math.round((20 + rnd() * 180) * 100) / 100;
    casePriority[k] = Math.round((0.5 + rnd() * 4.5) * 10) / 10;
    const transactional = chance(0.08);
    caseTransactional[k] = transactional ? 1 : 0;
    if (!transactional) {
      caseCapCount[k] = rint(1, 2);
      caseCapDays[k] = pick([7, 14, 30]);
    }
    caseCooldownDays[k] = chance(0.4) ? pick([7, 14, 30, 60]) : 7;
    casePa[k] = -1 + rnd();
    casePb[k] = rnd() * 2 - 1;
    casePc[k] = rnd() * 0.8;
    // touchpoints
    const inc = typeInContact[t] as number;
    if (inc >= 0) {
      ctpTp.push(inc);
      ctpDelayMs.push(0);
      ctpValidMs.push(2 * 3_600_000);
      ctpAllowOut.push(0);
      if (chance(0.5)) {
        ctpTp.push(pick([tpIdx('wechat-service-account'), tpIdx('sms'), tpIdx('app-push')]));
        ctpDelayMs.push(3_600_000);
        ctpValidMs.push(3 * DAY);
        ctpAllowOut.push(1);
      }
    } else {
      const ntp = rint(1, 3);
      const used: number[] = [];
      for (let j = 0; j < ntp; j++) {
        let tp = pick(OUTBOUND_POOL);
        for (let g = 0; g < 5 && used.includes(tp); g++) {
          tp = pick(OUTBOUND_POOL);
        }
        if (used.includes(tp)) {
          continue;
        }
        used.push(tp);
        ctpTp.push(tp);
        ctpDelayMs.push(j === 0 ? 0 : 600_000 * j);
        ctpValidMs.push(pick([1, 3, 7]) * DAY);
        ctpAllowOut.push(1);
      }
    }
    caseTpStart[k + 1] = ctpTp.length;
    caseTplA.push(`Dear customer, ${product}: get `);
    caseTplB.push(` GB extra for only ¥`);
    caseTplC.push(`/month. Reply Y to accept. [${caseIds[k]}]`);
    // target rule: 2–5 tag tests + 1–2 attribute comparisons, AND-ed; optional trigger condition
    const conds: string[] = [];
    const anchors = [rint(0, 63)];
    if (chance(0.7)) {
      anchors.push(rint(0, 63));
    }
    conds.push(anyTagsSrc(anchors));
    if (chance(0.8)) {
      conds.push(pick(SEGMENTS)());
    }
    const rtBit = typeSetsRt[t] as number;
    if (rtBit >= 0 && chance(0.5)) {
      conds.push(`rtHas(c, ${rtBit}, nowS)`);
    }
    const wanted = rint(3, 5);
    while (conds.length < wanted) {
      const roll = rnd();
      if (roll < 0.2) {
        const list: number[] = [];
        const m = rint(3, 6);
        for (let j = 0; j < m; j++) {
          list.push(longTailTag());
        }
        conds.push(anyTagsSrc(list));
      } else if (roll < 0.3) {
        conds.push(tagTestSrc(rint(0, 63), false));
      } else if (roll < 0.45) {
        conds.push(tagTestSrc(rint(0, 63), true)); // NOT a common tag
      } else {
        conds.push(pick(REFINEMENTS)());
      }
    }
    // trigger condition on an event property (~45 % where the type has a usable property)
    if (chance(0.45)) {
      const j = rint(0, (nProps[t] as number) - 1);
      const pk = t * MAXP + j;
      if (propKind[pk] === 1) {
        const nv = (propEnumValues[pk] as string[]).length;
        const mask = (1 << rint(0, nv - 1)) | (1 << rint(0, nv - 1)) | 1;
        conds.unshift(`(pm & ${1 << j}) !== 0 && ((${mask} >>> PV[${j}]) & 1) !== 0`);
      } else {
        conds.unshift(
          `(pm & ${1 << j}) !== 0 && PV[${j}] >= ${Math.round((propMax[pk] as number) * 0.3)}`,
        );
      }
    }
    const src = `return function rule_${k}(c, nowS, pm) {\n  const b = c * ${W};\n  return ${conds.join('\n    && ')};\n};`;
    ruleSources.push(src);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- rules are compiled once to JS, as the real engine does
    const makeRule = new Function(...ruleFactoryArgs, flatRuleSrc(src)) as RuleFactory;
    caseRule.push(makeRule(...ruleFactoryVals));
  }
}
const caseList: Int32Array[] = casesByType.map((l) => Int32Array.from(l));

// ------------------------------------------------------------------------------------------ customer lookup
const idMap = new Map<string, number>();
// The numeric table this prototype measured became the core's `CustomerDirectory` (0008 step 1a).
const directory = new CustomerDirectory();
function lookupOA(s: string): number {
  return directory.indexOf(s);
}
function lookupMap(s: string): number {
  const v = idMap.get(s);
  return v === undefined ? -1 : v;
}
const tLookupStart = performance.now();
for (let c = 0; c < N; c++) {
  if (LOOKUP === 'oa') {
    directory.add(String(13_800_000_000 + c)); // customer c gets index c
  } else {
    idMap.set(String(13_800_000_000 + c), c);
  }
}
const lookup = LOOKUP === 'oa' ? lookupOA : lookupMap;
const tLookup = performance.now() - tLookupStart;

// ------------------------------------------------------------------------------------------ object-per-customer layout (ablation)
interface CustomerObj {
  id: string;
  tags: Uint32Array;
  attributes: Record<string, number | string>;
  counters: { type: number; day: number; count: number }[];
  realtime: { bit: number; expiresAt: number }[];
}
const objMap = new Map<string, CustomerObj>();
type ObjRuleFn = (cu: CustomerObj, nowS: number, pm: number) => boolean;
const objRules: ObjRuleFn[] = [];
if (LAYOUT === 'object') {
  const SEG = ['mass', 'silver', 'gold', 'platinum', 'diamond'];
  for (let c = 0; c < N; c++) {
    const t32 = tags.slice(c * S_TAGS + O_TAGS, c * S_TAGS + O_TAGS + W);
    objMap.set(String(13_800_000_000 + c), {
      id: String(13_800_000_000 + c),
      tags: t32,
      attributes: {
        'value-segment': SEG[U8[c * S_VSEG + O_VSEG] as number] as string,
        arpu: F64[c * S_ARPU + O_ARPU] as number,
        age: U8[c * S_AGE + O_AGE] as number,
        'tenure-months': I32[c * S_TENURE + O_TENURE] as number,
        'data-used-pct': F64[c * S_DPCT + O_DPCT] as number,
        network: U8[c * S_NET + O_NET] === 1 ? '5g' : '4g',
        city: `city-${U8[c * S_CITY + O_CITY]}`,
        'star-level': U8[c * S_STAR + O_STAR] as number,
        plan: `plan-${U8[c * S_PLAN + O_PLAN]}`,
        device: `dev-${U8[c * S_DEV + O_DEV]}`,
        balance: F64[c * S_BAL + O_BAL] as number,
        points: I32[c * S_POINTS + O_POINTS] as number,
      },
      counters: [],
      realtime: [],
    });
  }
  // same rules, rewritten against the object (attribute reads by key, enums as strings)
  for (const src of ruleSources) {
    const s = src
      .replace('const b = c * 38;', 'const T = cu.tags, A = cu.attributes; const b = 0;')
      .replace('(c, nowS, pm)', '(cu, nowS, pm)')
      .replace(/\(\((\d+) >>> VSEG\[c\]\) & 1\) !== 0/g, (_m, mask) => {
        const names = ['mass', 'silver', 'gold', 'platinum', 'diamond'].filter(
          (_n, i) => (Number(mask) >> i) & 1,
        );
        return `(${names.map((n) => `A['value-segment'] === '${n}'`).join(' || ')})`;
      })
      .replace(/ARPU\[c\]/g, 'A.arpu')
      .replace(/AGE\[c\]/g, 'A.age')
      .replace(/TEN\[c\]/g, "A['tenure-months']")
      .replace(/DPCT\[c\]/g, "A['data-used-pct']")
      .replace(/STAR\[c\]/g, "A['star-level']")
      .replace(/NET\[c\] === 1/g, "A.network === '5g'")
      .replace(
        /CITY\[c\] < 4/g,
        "(A.city === 'city-0' || A.city === 'city-1' || A.city === 'city-2' || A.city === 'city-3')",
      )
      .replace(/rtHas\(c, (\d+), nowS\)/g, 'rtHasObj(cu, $1, nowS)');
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- rules are compiled once to JS, as the real engine does
    const makeObjRule = new Function('rtHasObj', 'PV', s) as (
      rtHas: typeof rtHasObj,
      pv: Float64Array,
    ) => ObjRuleFn;
    objRules.push(makeObjRule(rtHasObj, PV));
  }
}
function rtHasObj(cu: CustomerObj, bit: number, nowS: number): boolean {
  for (const r of cu.realtime) {
    if (r.bit === bit && r.expiresAt > nowS) {
      return true;
    }
  }
  return false;
}

// ------------------------------------------------------------------------------------------ events (pre-generated)
interface CustomerEvent {
  eventId: string;
  customerId: string;
  type: string;
  occurredAt: number;
  properties: Record<string, string | number>;
}
const tEvStart = performance.now();
const cumW = new Float64Array(NT);
{
  let s = 0;
  for (let t = 0; t < NT; t++) {
    cumW[t] = s += (typeRows[t] as { weight: number }).weight;
  }
  for (let t = 0; t < NT; t++) {
    cumW[t] = (cumW[t] as number) / s;
  }
}
const hot = Math.max(1, Math.floor(N / 20));
const events: CustomerEvent[] = new Array<CustomerEvent>(TOTAL_EVENTS);
for (let i = 0; i < TOTAL_EVENTS; i++) {
  const u = rnd();
  let t = 0;
  while ((cumW[t] as number) < u && t < NT - 1) {
    t++;
  }
  const idx = chance(0.3) ? rint(0, hot - 1) * 20 : rint(0, N - 1);
  const props: Record<string, string | number> = {};
  const names = propNames[t] as string[];
  for (let j = 0; j < names.length; j++) {
    const pk = t * MAXP + j;
    if (propReq[pk] === 0 && chance(0.2)) {
      continue;
    }
    props[names[j] as string] =
      propKind[pk] === 1
        ? pick(propEnumValues[pk] as string[])
        : Math.round(rnd() * (propMax[pk] as number) * 100) / 100;
  }
  events[i] = {
    eventId: `evt-${String(i).padStart(9, '0')}`,
    customerId: String(13_800_000_000 + Math.min(idx, N - 1)), // a fresh string per event
    type: TYPE_NAMES[t] as string,
    occurredAt: START_AT + Math.floor((i * 1000) / STREAM_RATE),
    properties: props,
  };
}
const tEvents = performance.now() - tEvStart;

// ------------------------------------------------------------------------------------------ pipeline
interface Offer {
  offerId: string;
  customerId: string;
  caseId: string;
  touchpointId: string;
  content: string;
  score: number;
  createdAt: number;
  expiresAt: number;
  status: number;
}
interface Action {
  actionId: string;
  offerId: string;
  customerId: string;
  touchpointId: string;
  outbound: boolean;
  dueAt: number;
  content: string;
}
const offersById = new Map<string, Offer>();
const offersBySeq: Offer[] = [];
const OFFERS_ARRAY = OFFERS === 'array';
let outbox: Action[] = [];
let dispatched = 0;
let offerSeq = 0;

let stRejected = 0;
let stReached = 0; // events with >= 1 case whose trigger + target rule matched
let stWithOffer = 0;
let stActions = 0;
let stOffers = 0;
let stCandidates = 0;
let stMatched = 0;
let stDeferred = 0;
let stResponses = 0;

// scratch
const tpCount = new Int32Array(NTP);
const bestScore = new Float64Array(NTP);
const bestCase = new Int32Array(NTP);
const bestCtp = new Int32Array(NTP);
const matched = new Int32Array(128);

function updateCounter(ci: number, et: number, day: number): void {
  const o = ci * S_CNT + O_CNT;
  let victim = -1;
  let victimDay = 0x7fffffff;
  for (let s = 0; s < CNT_SLOTS; s++) {
    const p = o + s * 3;
    const ty = cnt[p] as number;
    if (ty === et + 1) {
      if (cnt[p + 1] === day) {
        (cnt[p + 2] as number)++;
      } else {
        cnt[p + 1] = day;
        cnt[p + 2] = 1;
      }
      return;
    }
    if (ty === 0) {
      if (victimDay !== -1) {
        victim = p;
        victimDay = -1;
      }
    } else if ((cnt[p + 1] as number) < victimDay) {
      victim = p;
      victimDay = cnt[p + 1] as number;
    }
  }
  cnt[victim] = et + 1;
  cnt[victim + 1] = day;
  cnt[victim + 2] = 1;
}

function setRealtime(ci: number, bit: number, expS: number, nowS: number): void {
  const o = ci * S_RT + O_RT;
  let victim = o;
  let victimExp = 0x7fffffff;
  for (let s = 0; s < RT_SLOTS; s++) {
    const p = o + s * 2;
    const b = rtSlot[p] as number;
    if (b === bit + 1) {
      rtSlot[p + 1] = expS;
      return;
    }
    const e = b === 0 ? -1 : (rtSlot[p + 1] as number) <= nowS ? 0 : (rtSlot[p + 1] as number);
    if (e < victimExp) {
      victimExp = e;
      victim = p;
    }
  }
  rtSlot[victim] = bit + 1;
  rtSlot[victim + 1] = expS;
}

/** Validates the event's properties against its type's schema into PV; returns the presence mask or -1. */
function validate(et: number, props: Record<string, string | number>): number {
  if (typeof props !== 'object' || props === null) {
    return -1;
  }
  const names = propNames[et] as string[];
  let pm = 0;
  let present = 0;
  for (let j = 0; j < names.length; j++) {
    const pk = et * MAXP + j;
    const v = props[names[j] as string];
    if (v === undefined) {
      if (propReq[pk] === 1) {
        return -1;
      }
      continue;
    }
    present++;
    if (propKind[pk] === 0) {
      if (
        typeof v !== 'number' ||
        v !== v ||
        v < (propMin[pk] as number) ||
        v > (propMax[pk] as number)
      ) {
        return -1;
      }
      PV[j] = v;
    } else {
      if (typeof v !== 'string') {
        return -1;
      }
      const e = (propEnum[pk] as Map<string, number>).get(v);
      if (e === undefined) {
        return -1;
      }
      PV[j] = e;
    }
    pm |= 1 << j;
  }
  let keys = 0;
  for (const _key in props) {
    keys++;
  }
  return keys === present ? pm : -1; // no unknown properties
}

function recordContact(ci: number, at: number, kase: number, tp: number, dist: number): void {
  const h = U8[ci * S_CRHEAD + O_CRHEAD] as number;
  crAt[ci * S_CRAT + O_CRAT + h] = at;
  crCase[ci * S_CRCASE + O_CRCASE + h] = kase;
  crTp[ci * S_CRTP + O_CRTP + h] = tp;
  crDist[ci * S_CRDIST + O_CRDIST + h] = dist;
  U8[ci * S_CRHEAD + O_CRHEAD] = (h + 1) & (RING - 1);
  if ((U8[ci * S_CRLEN + O_CRLEN] as number) < RING) {
    (U8[ci * S_CRLEN + O_CRLEN] as number)++;
  }
}

/**
 * Whether one of the `count` slots of `stride` words from `base` holds `key` with an expiry (at
 * word `expiryAt` of the slot, seconds) after `nowS`: a cooldown or an open offer still in force.
 */
function holdsLiveSlot(
  slots: Int32Array,
  base: number,
  count: number,
  stride: number,
  expiryAt: number,
  key: number,
  nowS: number,
): boolean {
  for (let i = 0; i < count; i++) {
    const at = base + i * stride;
    if (slots[at] === key && (slots[at + expiryAt] as number) > nowS) {
      return true;
    }
  }
  return false;
}

function handleResponse(ci: number, et: number, now: number, nowS: number): void {
  const o = ci * S_OO + O_OO;
  for (let s = 0; s < OO_SLOTS; s++) {
    const p = o + s * 3;
    if (ooSlot[p] !== 0 && (ooSlot[p + 2] as number) > nowS) {
      const kase = (ooSlot[p] as number) - 1;
      const offer = OFFERS_ARRAY
        ? offersBySeq[ooSlot[p + 1] as number]
        : offersById.get('of-' + ooSlot[p + 1]);
      if (offer !== undefined) {
        offer.status = et === ET_ACCEPT ? 1 : 2;
      }
      ooSlot[p] = 0;
      stResponses++;
      if (et === ET_DECLINE) {
        // cooldown after decline: replace the soonest-ending cooldown slot
        const q = ci * S_CD + O_CD;
        let victim = q;
        for (let d = 0; d < CD_SLOTS; d++) {
          if ((cdSlot[q + d * 2 + 1] as number) < (cdSlot[victim + 1] as number)) {
            victim = q + d * 2;
          }
        }
        cdSlot[victim] = kase + 1;
        cdSlot[victim + 1] = toSec(now + (caseCooldownDays[kase] as number) * DAY);
      }
      return;
    }
  }
}

/** One event through the pipeline; returns the number of actions (or -1 if rejected). */
function ingest(ev: CustomerEvent): number {
  // --- lookup
  const cid = ev.customerId;
  if (typeof cid !== 'string') {
    return -1;
  }
  const et = typeIndex.get(ev.type);
  if (et === undefined) {
    return -1;
  }
  const ci = lookup(cid);
  if (ci < 0) {
    return -1;
  }
  const now = ev.occurredAt;
  if (typeof now !== 'number') {
    return -1;
  }
  const tz = (I16[ci * S_TZ + O_TZ] as number) * 60_000;
  const localDay = Math.floor((now + tz) / DAY);
  if (LEVEL === 0) {
    updateCounter(ci, et, localDay);
    return 0;
  }
  // --- validate
  if (typeof ev.eventId !== 'string') {
    return -1;
  }
  const pm = validate(et, ev.properties);
  if (pm < 0) {
    return -1;
  }
  updateCounter(ci, et, localDay);
  const nowS = toSec(now);
  const rtBit = typeSetsRt[et] as number;
  if (rtBit >= 0) {
    setRealtime(ci, rtBit, nowS + (rtTtlSec[rtBit] as number), nowS);
  }
  if (et === ET_ACCEPT || et === ET_DECLINE) {
    if (LEVEL === 2) {
      handleResponse(ci, et, now, nowS);
    }
  }
  // --- candidate cases of this event type, target rules + trigger conditions
  const list = caseList[et] as Int32Array;
  let nm = 0;
  for (let j = 0; j < list.length; j++) {
    const kase = list[j] as number;
    if ((caseRule[kase] as RuleFn)(ci, nowS, pm)) {
      matched[nm++] = kase;
    }
  }
  stCandidates += list.length;
  stMatched += nm;
  if (nm === 0) {
    return 0;
  }
  stReached++;
  if (LEVEL === 1) {
    return 0;
  }

  // --- contact policy inputs from the contact ring (newest first)
  const dayStart = now - ((((now + tz) % DAY) + DAY) % DAY);
  const since30 = now - 30 * DAY;
  tpCount.fill(0);
  let d30 = 0;
  let dToday = 0;
  const rbAt = ci * S_CRAT + O_CRAT;
  const rbCase = ci * S_CRCASE + O_CRCASE;
  const rbTp = ci * S_CRTP + O_CRTP;
  const rbDist = ci * S_CRDIST + O_CRDIST;
  const len = U8[ci * S_CRLEN + O_CRLEN] as number;
  for (let j = 0; j < len; j++) {
    const at = crAt[rbAt + j] as number;
    if (at >= since30 && crDist[rbDist + j] === 1) {
      d30++;
      if (at >= dayStart) {
        dToday++;
      }
      (tpCount[crTp[rbTp + j] as number] as number)++;
    }
  }
  const localHour = Math.floor(((((now + tz) % DAY) + DAY) % DAY) / 3_600_000);
  const quiet = localHour >= QUIET_FROM || localHour < QUIET_TO;
  const inContactTp = typeInContact[et] as number;
  const consent = U8[ci * S_OPTOUT + O_OPTOUT] as number;
  const cdBase = ci * S_CD + O_CD;
  const ooBase = ci * S_OO + O_OO;
  bestScore.fill(-1);

  for (let m = 0; m < nm; m++) {
    const kase = matched[m] as number;
    // cooldown after decline
    if (holdsLiveSlot(cdSlot, cdBase, CD_SLOTS, 2, 1, kase + 1, nowS)) {
      if (DEBUG) {
        (dbg[0] as number)++;
      }
      continue;
    }
    // suppression: one open offer per (customer, case)
    if (holdsLiveSlot(ooSlot, ooBase, OO_SLOTS, 3, 2, kase + 1, nowS)) {
      if (DEBUG) {
        (dbg[1] as number)++;
      }
      continue;
    }
    const transactional = caseTransactional[kase] === 1;
    // per-customer cap of the case
    const capN = caseCapCount[kase] as number;
    if (capN > 0) {
      const since = now - (caseCapDays[kase] as number) * DAY;
      let n = 0;
      for (let j = 0; j < len; j++) {
        if (crCase[rbCase + j] === kase && (crAt[rbAt + j] as number) >= since) {
          n++;
        }
      }
      if (n >= capN) {
        if (DEBUG) {
          (dbg[2] as number)++;
        }
        continue;
      }
    }
    const propensity =
      1 /
      (1 +
        Math.exp(
          -(
            (casePa[kase] as number) +
            (casePb[kase] as number) * (F64[ci * S_CHURN + O_CHURN] as number) +
            (casePc[kase] as number) * ((F64[ci * S_ARPU + O_ARPU] as number) / 100)
          ),
        ));
    const base = propensity * (caseValue[kase] as number) * (casePriority[kase] as number);
    const e = caseTpStart[kase + 1] as number;
    for (let q = caseTpStart[kase] as number, pref = 0; q < e; q++, pref++) {
      const tp = ctpTp[q] as number;
      if (tpOutbound[tp] === 0) {
        if (tp !== inContactTp) {
          continue; // inbound only while the customer is in contact there
        }
      } else {
        if (ctpAllowOut[q] === 0) {
          continue;
        }
        if ((consent & (tpConsentBit[tp] as number)) !== 0 || (consent & 16) !== 0) {
          if (DEBUG) {
            (dbg[3] as number)++;
          }
          continue;
        }
        if (!transactional && tpDisturbing[tp] === 1) {
          if (d30 >= GLOBAL_CAP_30D || dToday >= GLOBAL_CAP_DAY) {
            if (DEBUG) {
              (dbg[d30 >= GLOBAL_CAP_30D ? 4 : 5] as number)++;
            }
            continue;
          }
          const cap = tpCap[tp] as number;
          if (cap > 0 && (tpCount[tp] as number) >= cap) {
            if (DEBUG) {
              (dbg[6] as number)++;
            }
            continue;
          }
        }
      }
      if (DEBUG) {
        (dbg[7] as number)++;
      }
      const score = base * (tpWeight[tp] as number) * (1 - 0.1 * pref);
      if (score > (bestScore[tp] as number)) {
        bestScore[tp] = score;
        bestCase[tp] = kase;
        bestCtp[tp] = q;
      }
    }
  }
  // arbitration: top 1 per touchpoint, at most 2 per event
  let w1 = -1;
  let w2 = -1;
  for (let tp = 0; tp < NTP; tp++) {
    const s = bestScore[tp] as number;
    if (s < 0) {
      continue;
    }
    if (w1 < 0 || s > (bestScore[w1] as number)) {
      w2 = w1;
      w1 = tp;
    } else if (w2 < 0 || s > (bestScore[w2] as number)) {
      w2 = tp;
    }
  }
  if (w1 < 0) {
    return 0;
  }
  let actions = 0;
  let distAdded = 0;
  let firstOfferId = '';
  let firstCase = -1;
  for (let r = 0; r < 2; r++) {
    const tp = r === 0 ? w1 : w2;
    if (tp < 0) {
      break;
    }
    const kase = bestCase[tp] as number;
    const q = bestCtp[tp] as number;
    const outbound = tpOutbound[tp] as number;
    const dist = tpDisturbing[tp] === 1 && caseTransactional[kase] === 0 ? 1 : 0;
    if (dist === 1 && dToday + distAdded >= GLOBAL_CAP_DAY) {
      if (DEBUG) {
        (dbg[8] as number)++;
      }
      continue;
    }
    let offerId: string;
    let content: string;
    if (kase === firstCase) {
      offerId = firstOfferId; // same case on a second touchpoint: one offer, two actions
      content = (
        OFFERS_ARRAY ? (offersBySeq[offerSeq] as Offer) : (offersById.get(offerId) as Offer)
      ).content;
    } else {
      const seq = ++offerSeq;
      offerId = 'of-' + seq;
      content =
        (caseTplA[kase] as string) +
        Math.round((F64[ci * S_ARPU + O_ARPU] as number) / 10 + 1) +
        (caseTplB[kase] as string) +
        ((F64[ci * S_ARPU + O_ARPU] as number) * 0.3).toFixed(0) +
        (caseTplC[kase] as string);
      const validMs = ctpValidMs[q] as number;
      const offer: Offer = {
        offerId,
        customerId: cid,
        caseId: caseIds[kase] as string,
        touchpointId: TP_NAMES[tp] as string,
        content,
        score: bestScore[tp] as number,
        createdAt: now,
        expiresAt: now + validMs,
        status: 0,
      };
      if (OFFERS_ARRAY) {
        offersBySeq[seq] = offer;
      } else {
        offersById.set(offerId, offer);
      }
      stOffers++;
      // open-offer slot: empty or expired, else the soonest-expiring
      let victim = ooBase;
      let victimExp = 0x7fffffff;
      for (let s = 0; s < OO_SLOTS; s++) {
        const p = ooBase + s * 3;
        const ex =
          ooSlot[p] === 0 ? -1 : (ooSlot[p + 2] as number) <= nowS ? 0 : (ooSlot[p + 2] as number);
        if (ex < victimExp) {
          victimExp = ex;
          victim = p;
        }
      }
      ooSlot[victim] = kase + 1;
      ooSlot[victim + 1] = seq;
      ooSlot[victim + 2] = toSec(now + validMs);
      if (r === 0) {
        firstOfferId = offerId;
        firstCase = kase;
      }
    }
    let dueAt = now + (ctpDelayMs[q] as number);
    if (outbound === 1 && quiet) {
      // defer to 08:00 local
      const local = dueAt + tz;
      const dayStartLocal = local - (((local % DAY) + DAY) % DAY);
      dueAt = dayStartLocal + QUIET_TO * 3_600_000 + (localHour >= QUIET_FROM ? DAY : 0) - tz;
      stDeferred++;
    }
    outbox.push({
      actionId: offerId + '-' + r,
      offerId,
      customerId: cid,
      touchpointId: TP_NAMES[tp] as string,
      outbound: outbound === 1,
      dueAt,
      content,
    });
    recordContact(ci, dueAt, kase, tp, dist);
    distAdded += dist;
    actions++;
  }
  if (outbox.length >= 4096) {
    dispatched += outbox.length; // "dispatch": hand the batch to the channel adapters
    outbox = [];
  }
  return actions;
}

// object-per-customer variant of stages lookup + validate + counters + rt tags + rules (LEVEL 1 only)
function ingestObj(ev: CustomerEvent): number {
  const cid = ev.customerId;
  if (typeof cid !== 'string') {
    return -1;
  }
  const et = typeIndex.get(ev.type);
  if (et === undefined) {
    return -1;
  }
  const cu = objMap.get(cid);
  if (cu === undefined) {
    return -1;
  }
  const now = ev.occurredAt;
  const localDay = Math.floor((now + OPERATOR_TZ * 60_000) / DAY);
  if (typeof ev.eventId !== 'string') {
    return -1;
  }
  const pm = validate(et, ev.properties);
  if (pm < 0) {
    return -1;
  }
  let found = false;
  for (const c of cu.counters) {
    if (c.type === et) {
      if (c.day === localDay) {
        c.count++;
      } else {
        c.day = localDay;
        c.count = 1;
      }
      found = true;
      break;
    }
  }
  if (!found) {
    if (cu.counters.length >= CNT_SLOTS) {
      cu.counters.shift();
    }
    cu.counters.push({ type: et, day: localDay, count: 1 });
  }
  const nowS = toSec(now);
  const rtBit = typeSetsRt[et] as number;
  if (rtBit >= 0) {
    cu.realtime = cu.realtime.filter((r) => r.bit !== rtBit && r.expiresAt > nowS);
    cu.realtime.push({ bit: rtBit, expiresAt: nowS + (rtTtlSec[rtBit] as number) });
  }
  const list = caseList[et] as Int32Array;
  let nm = 0;
  for (let j = 0; j < list.length; j++) {
    if ((objRules[list[j] as number] as ObjRuleFn)(cu, nowS, pm)) {
      nm++;
    }
  }
  stCandidates += list.length;
  stMatched += nm;
  if (nm > 0) {
    stReached++;
  }
  return 0;
}

// ------------------------------------------------------------------------------------------ measurement
interface GcEntry {
  start: number;
  duration: number;
  kind: number;
}
const gcEntries: GcEntry[] = [];
const obs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const detail = (e as unknown as { detail?: { kind?: number } }).detail;
    gcEntries.push({ start: e.startTime, duration: e.duration, kind: detail?.kind ?? 0 });
  }
});
obs.observe({ entryTypes: ['gc'] });

const run = LAYOUT === 'object' ? ingestObj : ingest;
function pass(from: number, to: number) {
  const s0 = {
    rej: stRejected,
    off: stWithOffer,
    act: stActions,
    reach: stReached,
    cand: stCandidates,
    m: stMatched,
    o: stOffers,
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = from; i < to; i++) {
    const a = run(events[i] as CustomerEvent);
    if (a < 0) {
      stRejected++;
    } else if (a > 0) {
      stWithOffer++;
      stActions += a;
    }
  }
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return {
    n: to - from,
    ms: t1 - t0,
    t0,
    t1,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rejected: stRejected - s0.rej,
    withOffer: stWithOffer - s0.off,
    actions: stActions - s0.act,
    reached: stReached - s0.reach,
    candidates: stCandidates - s0.cand,
    matched: stMatched - s0.m,
    offers: stOffers - s0.o,
  };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

async function main() {
  const mem = process.memoryUsage();
  console.log(
    `N=${fmt(N)} mode=${MODE} lookup=${LOOKUP} layout=${LAYOUT} offers=${OFFERS} | cases=${NC} types=${NT} tags=${NUM_TAGS} ` +
      `state ${fmt(bufBytes / 2 ** 20)} MiB${recordBytes > 0 ? ` (${recordBytes} B records)` : ''} | ` +
      `events=${fmt(TOTAL_EVENTS)} | setup: customers ${fmt(tCustomers)} ms, lookup table ${fmt(tLookup)} ms, events ${fmt(tEvents)} ms | ` +
      `heapUsed ${fmt(mem.heapUsed / 2 ** 20)} MiB, arrayBuffers ${fmt(mem.arrayBuffers / 2 ** 20)} MiB, rss ${fmt(mem.rss / 2 ** 20)} MiB, ` +
      `heap limit ${fmt(v8.getHeapStatistics().heap_size_limit / 2 ** 20)} MiB | node ${process.version} ${process.execArgv.join(' ')} | ` +
      `load ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} on ${cpus().length} cores`,
  );
  const w = pass(0, WARMUP);
  console.log(`warm-up ${fmt(w.n)} events: ${fmt((w.n / w.ms) * 1000)}/s`);
  await sleep(150);
  const results: { eps: number; gcPct: number }[] = [];
  let from = WARMUP;
  for (let p = 0; p < PASSES; p++) {
    const r = pass(from, from + PASS);
    from += PASS;
    await sleep(150);
    let gcMs = 0;
    let minorMs = 0;
    let majorMs = 0;
    for (const g of gcEntries) {
      if (g.start >= r.t0 && g.start < r.t1) {
        gcMs += g.duration;
        if (g.kind === 1) {
          minorMs += g.duration;
        } else {
          majorMs += g.duration;
        }
      }
    }
    const eps = (r.n / r.ms) * 1000;
    results.push({ eps, gcPct: (gcMs / r.ms) * 100 });
    const pct = (x: number) => ((x / r.n) * 100).toFixed(1);
    console.log(
      `pass ${p + 1}: ${fmt(r.n)} events in ${(r.ms / 1000).toFixed(3)} s = ${fmt(eps)} events/s ` +
        `(${fmt((r.n / r.cpuMs) * 1000)}/CPU-s) | GC ${((gcMs / r.ms) * 100).toFixed(1)} % ` +
        `(scavenge ${fmt(minorMs)} ms, other ${fmt(majorMs)} ms) | rejected ${r.rejected} | ` +
        `candidates/event ${(r.candidates / r.n).toFixed(2)}, matched/event ${(r.matched / r.n).toFixed(2)}, ` +
        `reached audience ${pct(r.reached)} % | with offer ${pct(r.withOffer)} %, offers/event ${(r.offers / r.n).toFixed(3)}, ` +
        `actions/event ${(r.actions / r.n).toFixed(3)}, actions/s ${fmt((r.actions / r.ms) * 1000)}`,
    );
  }
  const sorted = [...results].sort((a, b) => a.eps - b.eps);
  const mid = sorted[1] as { eps: number; gcPct: number };
  const m2 = process.memoryUsage();
  console.log(
    `RESULT N=${N} mode=${MODE} lookup=${LOOKUP} layout=${LAYOUT} offers=${OFFERS} median ${fmt(mid.eps)} events/s ` +
      `[${results.map((r) => fmt(r.eps)).join(', ')}] GC% [${results.map((r) => r.gcPct.toFixed(1)).join(', ')}] | ` +
      `offers stored ${fmt(OFFERS_ARRAY ? offersBySeq.length - 1 : offersById.size)}, dispatched actions ${fmt(dispatched + outbox.length)}, deferred ${stDeferred}, ` +
      `responses ${stResponses} | heapUsed ${fmt(m2.heapUsed / 2 ** 20)} MiB rss ${fmt(m2.rss / 2 ** 20)} MiB | ` +
      `load ${loadavg()[0]?.toFixed(2)}`,
  );
  if (DEBUG) {
    console.log(
      `drops: cooldown ${dbg[0]} open-offer ${dbg[1]} case-cap ${dbg[2]} consent ${dbg[3]} cap30 ${dbg[4]} capDay ${dbg[5]} tpCap ${dbg[6]} | eligible (case,tp) ${dbg[7]} | second winner dropped by day cap ${dbg[8]}`,
    );
  }
  obs.disconnect();
}
void main();
