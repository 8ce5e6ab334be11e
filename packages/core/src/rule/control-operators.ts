import {
  argumentPath,
  compileArgument,
  compileArguments,
  emitLiteral,
  emitted,
  emittedBranchFree,
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
  return emitChain(call, '&', (value, rest, t) =>
    t === undefined ? `(${value.code} && ${rest})` : `(tr(${t} = ${value.code}) ? ${rest} : ${t})`,
  );
}

/** `or`: the first truthy operand, or the last one (undefined when there is none). */
function emitOr(call: OperatorCall): Emitted {
  return emitChain(call, '|', (value, rest, t) =>
    t === undefined ? `(${value.code} || ${rest})` : `(tr(${t} = ${value.code}) ? ${t} : ${rest})`,
  );
}

/**
 * Runs of consecutive branch-free operands (`Emitted.branchFree`, always boolean) joined into one
 * with `&` or `|`, which evaluates all of them instead of branching after each: `a && b` and
 * `(a & b) !== 0` give the same boolean for booleans `a`, `b`, and neither can throw or have
 * effects. Order is kept, so what a run's neighbours see is unchanged.
 */
function joinBranchFreeRuns(operands: readonly Emitted[], join: '&' | '|'): Emitted[] {
  const joined: Emitted[] = [];
  let run: Emitted[] = [];
  const flush = () => {
    if (run.length === 1) {
      joined.push(run[0] as Emitted);
    } else if (run.length > 1) {
      joined.push(emittedBranchFree(`((${run.map((o) => o.code).join(` ${join} `)}) !== 0)`));
    }
    run = [];
  };
  for (const operand of operands) {
    if (operand.branchFree === true) {
      run.push(operand);
    } else {
      flush();
      joined.push(operand);
    }
  }
  flush();
  return joined;
}

/**
 * Folds the operands from the right. JavaScript's `&&`/`||` already return operands, so only an
 * operand that may be an array (whose truthiness differs) needs a temporary and `tr`.
 */
function emitChain(
  call: OperatorCall,
  join: '&' | '|',
  link: (value: Emitted, rest: string, temp: string | undefined) => string,
): Emitted {
  const operands = joinBranchFreeRuns(compileArguments(call), join);
  if (operands.length === 1) {
    return operands[0] as Emitted;
  }
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
