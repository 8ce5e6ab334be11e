import {
  compileArguments,
  constant,
  emitLiteral,
  emitted,
  emittedBranchFree,
  truthyCode,
  withIgnored,
  type Emitted,
  type FunctionScope,
  type OperatorCall,
} from './codegen';
import { emitPathLookup, fallbackOf } from './var-lookup';

type Emitter = (call: OperatorCall) => Emitted;

/** All arguments, padded with `undefined` to `count`, split into the used ones and the ignored rest. */
function operands(call: OperatorCall, count: number): [Emitted[], Emitted[]] {
  const args = compileArguments(call);
  while (args.length < count) {
    args.push(emitLiteral(call.ctx, undefined));
  }
  return [args.slice(0, count), args.slice(count)];
}

const isNeverUndefined = (value: Emitted): boolean =>
  value.kind === 'boolean' || value.kind === 'number' || value.kind === 'string';

function binary(operator: string, kind: 'boolean' | 'number'): Emitter {
  return (call) => {
    const [[a, b], ignored] = operands(call, 2) as [[Emitted, Emitted], Emitted[]];
    return emitted(withIgnored(`(${a.code} ${operator} ${b.code})`, ignored), kind);
  };
}

/** `<` and `<=` with an optional third operand: `a < b < c` (json-logic-js "between"). */
function between(operator: string): Emitter {
  return (call) => {
    if (call.values.length <= 2) {
      return binary(operator, 'boolean')(call);
    }
    const [[a, b, c], ignored] = operands(call, 3) as [[Emitted, Emitted, Emitted], Emitted[]];
    const [ta, tb, tc] = [call.fn.temp(), call.fn.temp(), call.fn.temp()];
    const test = isNeverUndefined(c)
      ? `${ta} ${operator} ${tb} && ${tb} ${operator} ${tc}`
      : `${tc} === undefined ? ${ta} ${operator} ${tb} : ${ta} ${operator} ${tb} && ${tb} ${operator} ${tc}`;
    const code = `(${ta} = ${a.code}, ${tb} = ${b.code}, ${tc} = ${c.code}, ${test})`;
    return emitted(withIgnored(code, ignored), 'boolean');
  };
}

function negate(call: OperatorCall, not: boolean): Emitted {
  const [[a], ignored] = operands(call, 1) as [[Emitted], Emitted[]];
  const test = `${not ? '!' : '!!'}${truthyCode(a)}`;
  if (a.branchFree === true && ignored.every((arg) => arg.pure)) {
    return emittedBranchFree(test);
  }
  return emitted(withIgnored(test, ignored), 'boolean');
}

/** `-`: negation with one operand (or an undefined second one), subtraction otherwise. */
function emitMinus(call: OperatorCall): Emitted {
  const [[a, b], ignored] = operands(call, 2) as [[Emitted, Emitted], Emitted[]];
  if (b.code === 'undefined') {
    return emitted(withIgnored(`(-${a.code})`, ignored), 'number');
  }
  if (isNeverUndefined(b)) {
    return emitted(withIgnored(`(${a.code} - ${b.code})`, ignored), 'number');
  }
  const [ta, tb] = [call.fn.temp(), call.fn.temp()];
  const code = `(${ta} = ${a.code}, ${tb} = ${b.code}, ${tb} === undefined ? -${ta} : ${ta} - ${tb})`;
  return emitted(withIgnored(code, ignored), 'number');
}

/** `parseFloat(x)`, skipped for numbers (parseFloat only turns -0 into 0, which `0 + …` does anyway). */
const asFloat = (value: Emitted): string =>
  value.kind === 'number' ? value.code : `pf(${value.code})`;

/** `+`: parseFloat sum starting from 0. */
function emitPlus(call: OperatorCall): Emitted {
  const args = compileArguments(call);
  return emitted(`(0${args.map((arg) => ` + ${asFloat(arg)}`).join('')})`, 'number');
}

/** `*`: parseFloat product; one operand is returned untouched, none throws (reduce without initial). */
function emitTimes(call: OperatorCall): Emitted {
  const args = compileArguments(call);
  const [a, b] = args;
  if (args.length === 1 && a !== undefined) {
    return a;
  }
  if (args.length === 2 && a !== undefined && b !== undefined) {
    return emitted(`(pf(${a.code}) * pf(${b.code}))`, 'number');
  }
  return emitted(`multiply([${args.map((arg) => arg.code).join(', ')}])`, 'any');
}

function variadic(open: string, close: string, kind: 'number' | 'any'): Emitter {
  return (call) => {
    const args = compileArguments(call).map((arg) => arg.code);
    return emitted(`${open}${args.join(', ')}${close}`, kind);
  };
}

/** `cat`: string concatenation when every operand is a primitive, else Array.join semantics. */
function emitCat(call: OperatorCall): Emitted {
  const args = compileArguments(call);
  if (args.every(isNeverUndefined)) {
    return emitted(`(""${args.map((arg) => ` + ${arg.code}`).join('')})`, 'string');
  }
  return emitted(`cat([${args.map((arg) => arg.code).join(', ')}])`, 'string');
}

function emitSubstr(call: OperatorCall): Emitted {
  const [[source, start, end], ignored] = operands(call, 3) as [
    [Emitted, Emitted, Emitted],
    Emitted[],
  ];
  return emitted(
    withIgnored(`substr(${source.code}, ${start.code}, ${end.code})`, ignored),
    'string',
  );
}

const isPrimitive = (value: unknown): boolean => typeof value !== 'object' || value === null;

/**
 * `in`: a short literal list of primitives becomes `===` tests (what `indexOf` does), a longer one
 * is hoisted once (it is only searched, never returned).
 */
function emitIn(call: OperatorCall): Emitted {
  const [[needle, haystack], ignored] = operands(call, 2) as [[Emitted, Emitted], Emitted[]];
  const literal = call.values[1];
  if (!Array.isArray(literal) || !literal.every(isPrimitive)) {
    return emitted(withIgnored(`isIn(${needle.code}, ${haystack.code})`, ignored), 'boolean');
  }
  if (literal.length === 0 || literal.length > 8) {
    const code = `isIn(${needle.code}, ${constant(call.ctx, literal)})`;
    return emitted(withIgnored(code, ignored), 'boolean');
  }
  const t = call.fn.temp();
  const tests = literal.map((item) => `${t} === ${emitLiteral(call.ctx, item).code}`);
  return emitted(withIgnored(`(${t} = ${needle.code}, ${tests.join(' || ')})`, ignored), 'boolean');
}

const isKeyLiteral = (value: unknown): value is string | number | boolean | null | undefined =>
  value === undefined || value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** `var`: a literal path is unrolled into property reads; anything else goes through `varOf`. */
export function emitVar(call: OperatorCall, data: (fn: FunctionScope) => string): Emitted {
  const [[path, notFound], ignored] = operands(call, 2) as [[Emitted, Emitted], Emitted[]];
  const key = call.values[0];
  if (!isKeyLiteral(key)) {
    const code = `varOf(${data(call.fn)}, ${path.code}, ${notFound.code})`;
    return emitted(withIgnored(code, ignored), 'any');
  }
  if (key === undefined || key === null || key === '') {
    return emitted(withIgnored(data(call.fn), [notFound, ...ignored]), 'any');
  }
  const fallback = fallbackOf(call.fn, notFound);
  const lookup = emitPathLookup(call.fn, data(call.fn), String(key).split('.'), fallback.code);
  return emitted(withIgnored(`(${fallback.setup}${lookup})`, ignored), 'any', notFound.pure);
}

function emitMissing(call: OperatorCall): Emitted {
  const args = compileArguments(call).map((arg) => arg.code);
  return emitted(`missing(${call.fn.data()}, [${args.join(', ')}], ap)`, 'any');
}

function emitMissingSome(call: OperatorCall): Emitted {
  const [[need, options], ignored] = operands(call, 2) as [[Emitted, Emitted], Emitted[]];
  const code = `missingSome(${call.fn.data()}, ${need.code}, ${options.code}, ap)`;
  return emitted(withIgnored(code, ignored), 'any');
}

/** Operators that evaluate all their arguments first, by name (json-logic-js `operations`). */
export const valueOperators: Readonly<Record<string, Emitter>> = {
  '==': binary('==', 'boolean'),
  '===': binary('===', 'boolean'),
  '!=': binary('!=', 'boolean'),
  '!==': binary('!==', 'boolean'),
  '>': binary('>', 'boolean'),
  '>=': binary('>=', 'boolean'),
  '<': between('<'),
  '<=': between('<='),
  '!!': (call) => negate(call, false),
  '!': (call) => negate(call, true),
  '%': binary('%', 'number'),
  '/': binary('/', 'number'),
  '-': emitMinus,
  '+': emitPlus,
  '*': emitTimes,
  min: variadic('Math.min(', ')', 'number'),
  max: variadic('Math.max(', ')', 'number'),
  merge: variadic('[].concat(', ')', 'any'),
  cat: emitCat,
  substr: emitSubstr,
  in: emitIn,
  var: (call) => emitVar(call, (fn) => fn.data()),
  missing: emitMissing,
  missing_some: emitMissingSome,
  // json-logic-js prints the value; the core never logs (it is pure), so `log` only passes it through.
  log: (call) => {
    const [[value], ignored] = operands(call, 1) as [[Emitted], Emitted[]];
    return emitted(withIgnored(value.code, ignored), value.kind);
  },
};
