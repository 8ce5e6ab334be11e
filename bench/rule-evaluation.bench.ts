import {
  buildTagIndex,
  compileProfileRule,
  type AttributeDefinition,
  type CustomerProfile,
  type ProfileRule,
  type RuleInput,
  type RuleScope,
} from '@omnitouch/core';
import type { BenchContext, BenchScenario } from './harness';
import {
  evaluateWithJsonLogic,
  registerTagOperations,
  toJsonLogicCustomer,
  type JsonLogicCustomer,
} from './peers/json-logic-js';
import { createRulesEngine, evaluateWithRulesEngine } from './peers/json-rules-engine';

/** mulberry32: a tiny seeded PRNG, so every run builds the same population. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAGS = 1200;
/** The first tags are common (each customer has each with 40% chance), like "5g-user" or "prepaid". */
const POPULAR_TAGS = 100;
const tagId = (i: number) => `tag-${String(i).padStart(4, '0')}`;
const cities = [
  'beijing',
  'shanghai',
  'guangzhou',
  'shenzhen',
  'chengdu',
  'hangzhou',
  'wuhan',
  'xian',
  'nanjing',
  'tianjin',
];
const devices = [
  'iphone-15',
  'iphone-13',
  'mate-60',
  'p50',
  'mi-14',
  'redmi-k70',
  'find-x7',
  'vivo-x100',
];
const numeric: Readonly<Record<string, readonly [number, number]>> = {
  arpu: [10, 300],
  'data-used-pct': [0, 120],
  'tenure-months': [0, 240],
  age: [16, 80],
  'monthly-minutes': [0, 3000],
  'credit-score': [300, 850],
  'days-since-top-up': [0, 90],
};

interface Population {
  readonly scope: RuleScope;
  readonly rules: readonly unknown[];
  readonly customers: readonly { profile: CustomerProfile; tagIds: string[] }[];
}

function buildPopulation(
  random: () => number,
  customerCount: number,
  ruleCount: number,
): Population {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number) => Math.round(low + random() * (high - low));
  const tags = Array.from({ length: TAGS }, (_, i) => ({
    id: tagId(i),
    categoryId: 'value',
    name: { 'zh-CN': tagId(i), en: tagId(i) },
    kind: 'static' as const,
  }));
  const tagIndex = buildTagIndex({ tags });
  const attribute = (
    id: string,
    type: AttributeDefinition['type'],
  ): [string, AttributeDefinition] => [
    id,
    { id, categoryId: 'value', name: { 'zh-CN': id, en: id }, type },
  ];
  const attributes = new Map([
    ...Object.keys(numeric).map((id) => attribute(id, 'number')),
    attribute('city', 'enum'),
    attribute('device', 'string'),
    attribute('plan', 'enum'),
  ]);
  const customers = Array.from({ length: customerCount }, (_, c) => {
    const ids = new Set<string>();
    for (let i = 0; i < POPULAR_TAGS; i += 1) {
      if (random() < 0.4) {
        ids.add(tagId(i));
      }
    }
    while (ids.size < 100) {
      ids.add(tagId(between(POPULAR_TAGS, TAGS - 1)));
    }
    const profile: CustomerProfile = {
      customerId: `c-${c}`,
      tags: new Uint32Array(tagIndex.words),
      attributes: {
        city: pick(cities),
        device: pick(devices),
        plan: pick(['prepaid', 'postpaid']),
      },
      consent: { unsubscribed: false },
    };
    for (const [id, [low, high]] of Object.entries(numeric)) {
      profile.attributes[id] = between(low, high);
    }
    for (const id of ids) {
      const bit = tagIndex.staticBits.get(id) as number;
      profile.tags[bit >>> 5] = (profile.tags[bit >>> 5] ?? 0) | (1 << (bit & 31));
    }
    return { profile, tagIds: [...ids] };
  });
  const ruleTag = () => tagId(random() < 0.6 ? between(0, POPULAR_TAGS - 1) : between(0, TAGS - 1));
  const condition = (): unknown => {
    const roll = random();
    if (roll < 0.35) {
      return { has_tag: ruleTag() };
    }
    if (roll < 0.55) {
      return { has_any_tags: Array.from({ length: between(2, 5) }, ruleTag) };
    }
    if (roll < 0.6) {
      return { has_all_tags: Array.from({ length: between(2, 3) }, ruleTag) };
    }
    if (roll < 0.68) {
      return { '==': [{ var: 'city' }, pick(cities)] };
    }
    if (roll < 0.72) {
      return { in: [{ var: 'device' }, [pick(devices), pick(devices)]] };
    }
    const [id, [low, high]] = pick(Object.entries(numeric));
    return { [pick(['>=', '>', '<', '<='])]: [{ var: id }, between(low, high)] };
  };
  const rules = Array.from({ length: ruleCount }, () => {
    const parts = Array.from({ length: between(2, 6) }, condition);
    if (random() < 0.25) {
      parts.push({ or: [condition(), condition()] });
    }
    return { [random() < 0.75 ? 'and' : 'or']: parts };
  });
  return { scope: { tagIndex, attributes, eventTypes: new Map() }, rules, customers };
}

/**
 * Evaluations per second of `evaluate` (which runs `pairs` evaluations): the best of `rounds` timed
 * rounds after `warmup` untimed ones. Each compiled rule is its own function, so V8 must tier each
 * of the 1,000 up; measured here, the first two rounds run 3–10× slower than the steady state.
 */
function measureSync(
  warmup: number,
  rounds: number,
  pairs: number,
  evaluate: () => number,
): number {
  for (let round = 0; round < warmup; round += 1) {
    evaluate();
  }
  let best = Infinity;
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    evaluate();
    best = Math.min(best, performance.now() - started);
  }
  return pairs / (best / 1000);
}

async function run(context: BenchContext): Promise<void> {
  const now = Date.UTC(2026, 10, 25);
  const population = buildPopulation(mulberry32(20261125), context.quick ? 2_000 : 10_000, 1_000);
  const { scope, rules, customers } = population;
  const compiled: ProfileRule[] = rules.map((rule) => compileProfileRule(rule, scope));
  const inputs: RuleInput[] = customers.map(({ profile }) => ({ profile, event: undefined, now }));
  registerTagOperations();
  const jsonLogicCustomers: JsonLogicCustomer[] = customers.map(({ profile, tagIds }) =>
    toJsonLogicCustomer(profile.attributes, tagIds),
  );
  const engines = rules.map(createRulesEngine);
  await checkAgreement(context, population, compiled, inputs, jsonLogicCustomers, engines);

  const ours = measureSync(context.quick ? 4 : 2, 3, inputs.length * compiled.length, () => {
    let matched = 0;
    for (const input of inputs) {
      for (const rule of compiled) {
        matched += rule(input) ? 1 : 0;
      }
    }
    return matched;
  });
  // The same (customer, rule) workload as ours: a smaller sample would sit in cache and flatter the peer.
  const jsonLogicSample = jsonLogicCustomers;
  const jsonLogicRate = measureSync(1, 2, jsonLogicSample.length * rules.length, () => {
    let matched = 0;
    for (const customer of jsonLogicSample) {
      for (const rule of rules) {
        matched += evaluateWithJsonLogic(rule, customer) ? 1 : 0;
      }
    }
    return matched;
  });
  const rulesEngineRate = await measureRulesEngine(
    engines,
    jsonLogicCustomers.slice(0, context.quick ? 4 : 21),
  );

  context.log(
    `${rules.length} rules × ${customers.length} customers, 1,200 tags, ~100 tags per customer`,
  );
  const unit = 'rule evaluations/s';
  context.record({ name: 'ours (compileProfileRule)', value: ours, unit });
  context.record({ name: 'json-logic-js', value: jsonLogicRate, unit, peer: 'json-logic-js' });
  context.record({
    name: 'json-rules-engine',
    value: rulesEngineRate,
    unit,
    peer: 'json-rules-engine',
  });
  context.record({
    name: 'ours ÷ json-logic-js',
    value: ours / jsonLogicRate,
    unit: '×',
    peer: 'json-logic-js',
    ratio: ours / jsonLogicRate,
    target: '≥ 40×',
  });
  context.record({
    name: 'ours ÷ json-rules-engine',
    value: ours / rulesEngineRate,
    unit: '×',
    peer: 'json-rules-engine',
    ratio: ours / rulesEngineRate,
    target: '≥ 500×',
  });
}

/**
 * json-rules-engine is async: every evaluation is an awaited `engine.run`, run one after another,
 * so the rate is the honest per-evaluation cost. The first customer's pass is an untimed warm-up.
 */
async function measureRulesEngine(
  engines: readonly ReturnType<typeof createRulesEngine>[],
  [warmup, ...sample]: readonly JsonLogicCustomer[],
): Promise<number> {
  for (const engine of engines) {
    await evaluateWithRulesEngine(engine, warmup as JsonLogicCustomer);
  }
  const started = performance.now();
  for (const facts of sample) {
    for (const engine of engines) {
      await evaluateWithRulesEngine(engine, facts);
    }
  }
  return (sample.length * engines.length) / ((performance.now() - started) / 1000);
}

/** All three must give the same answer on a sample of (rule, customer) pairs, or the figures mean nothing. */
async function checkAgreement(
  context: BenchContext,
  { rules }: Population,
  compiled: readonly ProfileRule[],
  inputs: readonly RuleInput[],
  customers: readonly JsonLogicCustomer[],
  engines: readonly ReturnType<typeof createRulesEngine>[],
): Promise<void> {
  const random = mulberry32(7);
  const sample = context.quick ? 500 : 3_000;
  let matched = 0;
  for (let i = 0; i < sample; i += 1) {
    const r = Math.floor(random() * rules.length);
    const c = Math.floor(random() * inputs.length);
    const ours = (compiled[r] as ProfileRule)(inputs[c] as RuleInput);
    const theirs = evaluateWithJsonLogic(rules[r], customers[c] as JsonLogicCustomer);
    const engine = await evaluateWithRulesEngine(
      engines[r] as ReturnType<typeof createRulesEngine>,
      customers[c] as JsonLogicCustomer,
    );
    if (ours !== theirs || ours !== engine) {
      throw new Error(
        `disagreement on rule ${r}, customer ${c}: ours ${ours}, json-logic-js ${theirs}, json-rules-engine ${engine}`,
      );
    }
    matched += ours ? 1 : 0;
  }
  context.log(`all three agree on ${sample} sampled (rule, customer) pairs (${matched} matches)`);
}

const scenario: BenchScenario = {
  name: 'rule-evaluation',
  description:
    'target rules over customer profiles: compiled rules vs json-logic-js and json-rules-engine',
  run,
};
export default scenario;
