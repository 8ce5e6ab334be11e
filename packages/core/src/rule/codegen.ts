import { pointer, type FieldIssue } from '../validation/field-issue';

/**
 * What the generator knows statically about a value. Only arrays make JSON Logic truthiness differ
 * from JavaScript's, so any kind but `any` lets the generated code use plain `&&`, `||` and `?:`.
 */
export type ValueKind = 'boolean' | 'number' | 'string' | 'nonarray' | 'any';

/**
 * A generated JavaScript expression. `pure` ones can neither throw nor have effects, so may be
 * dropped. `branchFree` ones are also pure and cheap (a few loads and integer operations, no
 * branch, call or loop): evaluating one that short-circuiting would have skipped costs less than
 * the branch it saves, which a CPU mispredicts about half the time on customer data.
 */
export interface Emitted {
  readonly code: string;
  readonly kind: ValueKind;
  readonly pure: boolean;
  readonly branchFree?: boolean;
}

/** Names a generated function body may declare on demand, in declaration order, with their definitions. */
const localDefinitions: readonly (readonly [string, string, readonly string[]])[] = [
  ['p', 'const p = i.profile;', []],
  ['tags', 'const tags = p.tags;', ['p']],
  ['rtt', 'const rtt = p.realtimeTags;', ['p']],
  ['attrs', 'const attrs = p.attributes;', ['p']],
  ['ec', 'const ec = p.eventCounts;', ['p']],
  ['now', 'const now = i.now;', []],
  ['evp', 'const evp = i.event === undefined ? undefined : i.event.properties;', []],
  ['d', 'const d = profileView(i);', []],
];

/**
 * One generated function: the rule's root or the scoped logic of `map`/`filter`/`all`… Temporaries
 * are `t0, t1…`; profile locals (`tags`, `attrs`…) are declared only when the body uses them.
 */
export class FunctionScope {
  private temps = 0;
  private maxTemps = 0;
  private readonly locals = new Set<string>();

  /** `isProfileRoot`: the top of a profile rule, where `var` reads attributes and `d` is a lazy view. */
  constructor(readonly isProfileRoot: boolean) {}

  temp(): string {
    this.maxTemps = Math.max(this.maxTemps, this.temps + 1);
    return `t${this.temps++}`;
  }

  /**
   * Lets the next expression reuse the temporaries of the previous ones: a temporary lives inside
   * one expression only, so one statement per rule (a rule set) can share `t0, t1…`.
   */
  reuseTemps(): void {
    this.temps = 0;
  }

  /** The expression for this function's data (`var`'s scope), recording its use. */
  data(): string {
    if (this.isProfileRoot) {
      this.use('d');
    }
    return 'd';
  }

  use(local: string): string {
    const definition = localDefinitions.find(([name]) => name === local);
    for (const dependency of definition?.[2] ?? []) {
      this.use(dependency);
    }
    this.locals.add(local);
    return local;
  }

  declarations(): string {
    const temps = Array.from({ length: this.maxTemps }, (_, i) => `t${i}`);
    const lines = temps.length > 0 ? [`let ${temps.join(', ')};`] : [];
    for (const [name, code] of localDefinitions) {
      if (this.locals.has(name)) {
        lines.push(code);
      }
    }
    return lines.join('\n');
  }
}

/** State shared by one compilation: hoisted constants and functions, and the issues found. */
export interface CodegenContext {
  readonly constants: unknown[];
  readonly hoisted: string[];
  readonly issues: FieldIssue[];
  /** Objects and arrays on the path from the root to the node being compiled (cycle detection). */
  readonly ancestors: Set<object>;
  /** Domain operators tried before the JSON Logic ones (profile rules); undefined for plain rules. */
  readonly domain: DomainOperators | undefined;
  /** Expression passed to scoped functions as their `i` argument. */
  readonly inputName: 'i' | 'undefined';
}

/** A compile step for one operator application. */
export interface OperatorCall {
  readonly op: string;
  readonly values: readonly unknown[];
  /** JSON Pointer of the operator's value (`/and`); argument pointers add the index when it is an array. */
  readonly path: string;
  readonly valuesAreArray: boolean;
  readonly fn: FunctionScope;
  readonly ctx: CodegenContext;
  /** Compiles any node (used for arguments and scoped logic). */
  readonly compile: (node: unknown, fn: FunctionScope, path: string) => Emitted;
}

/** Generates the code of an operator, or returns undefined to let the next table try. */
export interface DomainOperators {
  emit(call: OperatorCall): Emitted | undefined;
}

export function createContext(domain: DomainOperators | undefined): CodegenContext {
  return {
    constants: [],
    hoisted: [],
    issues: [],
    ancestors: new Set(),
    domain,
    inputName: domain === undefined ? 'undefined' : 'i',
  };
}

/** A reference to `value` kept by identity (JSON Logic returns non-rule objects as they are). */
export function constant(ctx: CodegenContext, value: unknown): string {
  ctx.constants.push(value);
  return `k[${ctx.constants.length - 1}]`;
}

export function emitted(code: string, kind: ValueKind, pure = false): Emitted {
  return { code, kind, pure };
}

/** A pure boolean expression without branches (see `Emitted.branchFree`). */
export function emittedBranchFree(code: string): Emitted {
  return { code, kind: 'boolean', pure: true, branchFree: true };
}

/** The JSON Logic truthiness of `value` as a JavaScript condition. */
export function truthyCode(value: Emitted): string {
  return value.kind === 'any' ? `tr(${value.code})` : `(${value.code})`;
}

/** The kind of a value that is one of `kinds`. */
export function joinKinds(kinds: readonly ValueKind[]): ValueKind {
  const [first, ...rest] = kinds;
  if (first === undefined || kinds.includes('any')) {
    return 'any';
  }
  return rest.every((kind) => kind === first) ? first : 'nonarray';
}

/** Emits a literal primitive, or a constant reference for anything else. */
export function emitLiteral(ctx: CodegenContext, value: unknown): Emitted {
  switch (typeof value) {
    case 'undefined':
      return emitted('undefined', 'nonarray', true);
    case 'boolean':
      return emitted(String(value), 'boolean', true);
    case 'string':
      return emitted(JSON.stringify(value), 'string', true);
    case 'number':
      return emitted(Object.is(value, -0) ? '(-0)' : `(${String(value)})`, 'number', true);
    case 'object':
      return value === null
        ? emitted('null', 'nonarray', true)
        : emitted(constant(ctx, value), 'nonarray', true);
    case 'bigint':
    case 'symbol':
    case 'function':
      return emitted(constant(ctx, value), 'nonarray', true);
  }
}

/** `(extra1, extra2, main)`: arguments an operator ignores are still evaluated, as json-logic-js does. */
export function withIgnored(main: string, ignored: readonly Emitted[]): string {
  const effects = ignored.filter((arg) => !arg.pure).map((arg) => arg.code);
  return effects.length === 0 ? main : `(${effects.join(', ')}, ${main})`;
}

/** Hoists the compiled scoped logic of `map`/`filter`/`all`… as `fN(d, i)`; returns its name. */
export function hoistFunction(ctx: CodegenContext, fn: FunctionScope, body: Emitted): string {
  const name = `f${ctx.hoisted.length}`;
  ctx.hoisted.push(
    `const ${name} = function (d, i) {\n${fn.declarations()}\nreturn ${body.code};\n};`,
  );
  return name;
}

/**
 * Builds the generated source into a function. `runtime` supplies the helpers the code names;
 * rules are trusted data that was compiled, never strings spliced in (all literals go through
 * JSON.stringify or the constants table), so `new Function` cannot be made to run foreign code.
 */
export function linkFunction(
  ctx: CodegenContext,
  root: FunctionScope,
  body: string,
  param: 'd' | 'i',
  runtime: Readonly<Record<string, unknown>>,
): unknown {
  return linkSource(
    ctx,
    [`return function rule(${param}) {`, root.declarations(), `return ${body};`, '};'],
    runtime,
  );
}

/**
 * Runs `lines` (which must `return` the result) after the runtime helpers and the hoisted scoped
 * functions of `ctx`, with the constants table as `k`. Same trust argument as `linkFunction`.
 */
export function linkSource(
  ctx: CodegenContext,
  lines: readonly string[],
  runtime: Readonly<Record<string, unknown>>,
): unknown {
  const source = [
    '"use strict";',
    `const { ${Object.keys(runtime).join(', ')} } = rt;`,
    ...ctx.hoisted,
    ...lines,
  ].join('\n');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated code is the point: V8 optimises each rule as one straight-line function (bench/rule-evaluation.bench.ts)
  const factory = new Function('rt', 'k', source) as (rt: unknown, k: unknown[]) => unknown;
  return factory(runtime, ctx.constants);
}

/** The pointer of argument `index` of `call`. */
export function argumentPath(call: OperatorCall, index: number): string {
  return call.valuesAreArray ? pointer(call.path, index) : call.path;
}

/** Compiles argument `index` of `call` in the caller's scope (a missing argument is `undefined`). */
export function compileArgument(call: OperatorCall, index: number): Emitted {
  return call.compile(call.values[index], call.fn, argumentPath(call, index));
}

/** Compiles every argument, in order. */
export function compileArguments(call: OperatorCall): Emitted[] {
  return call.values.map((_, i) => compileArgument(call, i));
}
