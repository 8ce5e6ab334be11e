import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';

/**
 * The same customers and rules for json-rules-engine. Facts are the attributes plus `tags`, a
 * `Set` of tag ids (as for json-logic-js); rules are translated from our JSON Logic subset into its
 * `all`/`any` condition trees, with the tag tests as custom operators. One `Engine` per rule, so a
 * `run` evaluates exactly one rule, as `compileProfileRule` does.
 */
export type RulesEngineFacts = Readonly<Record<string, unknown>> & {
  readonly tags: ReadonlySet<string>;
};

const comparisonOperators: Readonly<Record<string, string>> = {
  '==': 'equal',
  '!=': 'notEqual',
  '<': 'lessThan',
  '<=': 'lessThanInclusive',
  '>': 'greaterThan',
  '>=': 'greaterThanInclusive',
  in: 'in',
};

const tagOperators: Readonly<Record<string, string>> = {
  has_tag: 'hasTag',
  has_any_tags: 'hasAnyTag',
  has_all_tags: 'hasAllTags',
};

/** Translates a rule of and/or, tag tests and `{op: [{var}, literal]}` comparisons. */
export function toRulesEngineConditions(rule: unknown): TopLevelCondition {
  const condition = translate(rule);
  return 'all' in condition || 'any' in condition ? condition : { all: [condition] };
}

function translate(rule: unknown): TopLevelCondition & NestedCondition {
  const [op, raw] = Object.entries(rule as Record<string, unknown>)[0] ?? [];
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (op === 'and' || op === 'or') {
    const parts = args.map(translate);
    return op === 'and' ? { all: parts } : { any: parts };
  }
  const tagOperator = tagOperators[op ?? ''];
  if (tagOperator !== undefined) {
    return {
      fact: 'tags',
      operator: tagOperator,
      value: op === 'has_tag' ? args[0] : args,
    } as never;
  }
  const comparison = comparisonOperators[op ?? ''];
  const [left, right] = args as [{ var?: unknown }, unknown];
  if (comparison === undefined || typeof left?.var !== 'string') {
    throw new Error(`the bench has no json-rules-engine translation for ${JSON.stringify(rule)}`);
  }
  return { fact: left.var, operator: comparison, value: right } as never;
}

/** An engine holding one rule, with the tag operators registered. */
export function createRulesEngine(rule: unknown): Engine {
  const engine = new Engine(
    [{ conditions: toRulesEngineConditions(rule), event: { type: 'match' } }],
    { allowUndefinedFacts: true },
  );
  engine.addOperator('hasTag', (tags: ReadonlySet<string>, id: string) => tags.has(id));
  engine.addOperator('hasAnyTag', (tags: ReadonlySet<string>, ids: string[]) =>
    ids.some((id) => tags.has(id)),
  );
  engine.addOperator('hasAllTags', (tags: ReadonlySet<string>, ids: string[]) =>
    ids.every((id) => tags.has(id)),
  );
  return engine;
}

/** Whether the engine's rule matched `facts` (it raised its event). */
export async function evaluateWithRulesEngine(
  engine: Engine,
  facts: RulesEngineFacts,
): Promise<boolean> {
  const result = await engine.run(facts);
  return result.events.length > 0;
}
