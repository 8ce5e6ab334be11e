import {
  argumentPath,
  compileArgument,
  compileArguments,
  emitLiteral,
  emitted,
  FunctionScope,
  hoistFunction,
  joinKinds,
  truthyCode,
  type Emitted,
  type OperatorCall,
  type ValueKind,
} from './codegen';

/** `if` / `?:`: condition–result pairs, then an optional else; null when nothing matched. */
function emitIf(call: OperatorCall): Emitted {
  const parts = compileArguments(call);
  const count = parts.length;
  const elseIndex = count % 2 === 1 ? count - 1 : -1;
  const otherwise = elseIndex >= 0 ? (parts[elseIndex] as Emitted) : emitLiteral(call.ctx, null);
  let code = otherwise.code;
  const kinds: ValueKind[] = [otherwise.kind];
  for (let i = 2 * Math.floor(count / 2) - 2; i >= 0; i -= 2) {
    const condition = parts[i] as Emitted;
    const result = parts[i + 1] as Emitted;
    code = `(${truthyCode(condition)} ? ${result.code} : ${code})`;
    kinds.push(result.kind);
  }
  return emitted(code, joinKinds(kinds));
}

/** `and`: the first falsy operand, or the last one (undefined when there is none). */
function emitAnd(call: OperatorCall): Emitted {
  return emitChain(call, (value, rest, t) =>
    t === undefined ? `(${value.code} && ${rest})` : `(tr(${t} = ${value.code}) ? ${rest} : ${t})`,
  );
}

/** `or`: the first truthy operand, or the last one (undefined when there is none). */
function emitOr(call: OperatorCall): Emitted {
  return emitChain(call, (value, rest, t) =>
    t === undefined ? `(${value.code} || ${rest})` : `(tr(${t} = ${value.code}) ? ${t} : ${rest})`,
  );
}

/**
 * Folds the operands from the right. JavaScript's `&&`/`||` already return operands, so only an
 * operand that may be an array (whose truthiness differs) needs a temporary and `tr`.
 */
function emitChain(
  call: OperatorCall,
  link: (value: Emitted, rest: string, temp: string | undefined) => string,
): Emitted {
  const operands = compileArguments(call);
  const last = operands[operands.length - 1];
  if (last === undefined) {
    return emitLiteral(call.ctx, undefined);
  }
  let code = last.code;
  for (let i = operands.length - 2; i >= 0; i -= 1) {
    const operand = operands[i] as Emitted;
    code = link(operand, code, operand.kind === 'any' ? call.fn.temp() : undefined);
  }
  return emitted(code, joinKinds(operands.map((operand) => operand.kind)));
}

/** Compiles argument 1 as a function of one item (its own data scope) and hoists it. */
function hoistScopedLogic(call: OperatorCall): string {
  const scope = new FunctionScope(false);
  const body = call.compile(call.values[1], scope, argumentPath(call, 1));
  return hoistFunction(call.ctx, scope, body);
}

/** `filter`, `map`, `all`, `some`, `none`: argument 0 evaluated here, argument 1 per item. */
function emitScoped(helper: string, kind: ValueKind): (call: OperatorCall) => Emitted {
  return (call) => {
    const items = compileArgument(call, 0);
    const logic = hoistScopedLogic(call);
    return emitted(`${helper}(${items.code}, ${logic}, ${call.ctx.inputName})`, kind);
  };
}

/** `reduce`: items, logic over `{current, accumulator}`, initial value (null when absent). */
function emitReduce(call: OperatorCall): Emitted {
  const items = compileArgument(call, 0);
  const logic = hoistScopedLogic(call);
  const initial =
    typeof call.values[2] !== 'undefined' ? compileArgument(call, 2) : emitLiteral(call.ctx, null);
  return emitted(
    `reduceItems(${items.code}, ${logic}, ${initial.code}, ${call.ctx.inputName})`,
    'any',
  );
}

/** Operators that decide which of their arguments to evaluate, by name. */
export const controlOperators: Readonly<Record<string, (call: OperatorCall) => Emitted>> = {
  if: emitIf,
  '?:': emitIf,
  and: emitAnd,
  or: emitOr,
  filter: emitScoped('filterItems', 'any'),
  map: emitScoped('mapItems', 'any'),
  all: emitScoped('allItems', 'boolean'),
  some: emitScoped('someItems', 'boolean'),
  none: emitScoped('noItems', 'boolean'),
  reduce: emitReduce,
};
