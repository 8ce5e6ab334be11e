import {
  compileArgument,
  emitted,
  emittedBranchFree,
  joinKinds,
  type DomainOperators,
  type Emitted,
  type OperatorCall,
  type ValueKind,
} from './codegen';
import { tagListOf } from './domain-operators';
import type { HoistedProfileReads } from './hoisted-profile-reads';
import type { RuleScope } from './rule-scope';
import { fallbackOf } from './var-lookup';

/**
 * Code generation for the profile-rule operators. Runs only on rules `validateProfileRule`
 * accepted, so names and arguments are known to be valid here. With `hoisted` (a rule set), reads
 * at the top of a rule go through its locals; scoped logic (`map`, `all`…) always reads inline.
 */
export function profileOperators(scope: RuleScope, hoisted?: HoistedProfileReads): DomainOperators {
  return {
    emit(call) {
      const reads = call.fn.isProfileRoot ? hoisted : undefined;
      switch (call.op) {
        case 'has_tag':
        case 'has_any_tags':
          return emitTagTest(call, scope, 'any', reads);
        case 'has_all_tags':
          return emitTagTest(call, scope, 'all', reads);
        case 'event_count':
          return emitEventCount(call, reads);
        case 'var':
          return call.fn.isProfileRoot ? emitProfileVar(call, scope, reads) : undefined;
        default:
          return undefined;
      }
    },
  };
}

/**
 * Static tags become one mask test per bitset word (`(tags[3] & 0x50) !== 0`), with word and mask
 * computed now; real-time tags scan the profile's `[bit, expiresAt]` pairs for an unexpired one.
 */
function emitTagTest(
  call: OperatorCall,
  scope: RuleScope,
  mode: 'any' | 'all',
  reads: HoistedProfileReads | undefined,
): Emitted {
  const { fn } = call;
  const masks = new Map<number, number>();
  const realtime: number[] = [];
  for (const id of tagListOf(call.valuesAreArray ? call.values : call.values[0], '').ids) {
    const bit = scope.tagIndex.staticBits.get(id as string);
    if (bit === undefined) {
      realtime.push(scope.tagIndex.realtimeBits.get(id as string) as number);
    } else {
      masks.set(bit >>> 5, (masks.get(bit >>> 5) ?? 0) | (1 << (bit & 31)));
    }
  }
  // The words' tests are combined with `|` into one comparison rather than chained with `||`/`&&`:
  // one branch instead of one per word (bench/rule-evaluation.bench.ts: +20 % rule evaluations/s).
  const words: string[] = [];
  for (const [word, mask] of masks) {
    const bits = reads === undefined ? `${fn.use('tags')}[${word}]` : reads.tagWord(word);
    // any: some masked bit set; all: no masked bit missing (`^ mask` leaves the missing ones).
    words.push(mode === 'any' ? `(${bits} & ${mask})` : `((${bits} & ${mask}) ^ ${mask})`);
  }
  const staticTest =
    words.length === 0 ? undefined : `(${words.join(' | ')}) ${mode === 'any' ? '!==' : '==='} 0`;
  if (realtime.length === 0 && staticTest !== undefined) {
    return emittedBranchFree(`(${staticTest})`);
  }
  const tests = staticTest === undefined ? [] : [staticTest];
  for (const bit of new Set(realtime)) {
    tests.push(
      reads === undefined
        ? `hasRealtimeTag(${fn.use('p')}, ${bit}, ${fn.use('now')})`
        : reads.realtimeTag(bit),
    );
  }
  return emitted(`(${tests.join(mode === 'any' ? ' || ' : ' && ')})`, 'boolean', true);
}

/** `event_count`: events of a counted type on the last N days including today (`countEvents`). */
function emitEventCount(call: OperatorCall, reads: HoistedProfileReads | undefined): Emitted {
  const [type, days] = call.values as [string, number];
  if (reads !== undefined) {
    return emitted(reads.eventCount(type, days), 'number', true);
  }
  const code = `countEvents(${call.fn.use('p')}, ${JSON.stringify(type)}, ${days}, ${call.fn.use('now')})`;
  return emitted(code, 'number', true);
}

const attributeKinds: Readonly<Record<string, ValueKind>> = {
  number: 'number',
  date: 'number',
  string: 'string',
  enum: 'string',
};

/**
 * `var` at the top of a profile rule: `"event.x"` reads `event.properties.x`, any other name the
 * attribute with exactly that id (ids may contain dots, so the name is not split into a path).
 * A missing value gives the default, or null, as JSON Logic's `var` does.
 */
function emitProfileVar(
  call: OperatorCall,
  scope: RuleScope,
  reads: HoistedProfileReads | undefined,
): Emitted {
  const name = call.values[0] as string;
  const notFound = compileArgument(call, 1);
  const fallback = fallbackOf(call.fn, notFound);
  const isEvent = name.startsWith('event.');
  const key = isEvent ? name.slice('event.'.length) : name;
  const valueKind = isEvent
    ? 'nonarray'
    : (attributeKinds[scope.attributes.get(key)?.type ?? ''] ?? 'nonarray');
  const kind = joinKinds([valueKind, fallback.code === 'null' ? 'nonarray' : notFound.kind]);
  if (reads !== undefined) {
    const value = isEvent ? reads.eventProperty(key) : reads.attribute(key);
    // The attribute is read (on first use) by the test, so the branch names its local only.
    const local = isEvent ? value : reads.attributeLocal(key);
    return emitted(
      `(${fallback.setup}${value} !== undefined ? ${local} : ${fallback.code})`,
      kind,
      true,
    );
  }
  const base = call.fn.use(isEvent ? 'evp' : 'attrs');
  const t = call.fn.temp();
  const read = `(${t} = ${base}[${JSON.stringify(key)}]) !== undefined`;
  // Names like "constructor" must not find Object.prototype's members.
  const own = key in Object.prototype ? `Object.hasOwn(${base}, ${JSON.stringify(key)}) && ` : '';
  const present = isEvent ? `${base} !== undefined && ${own}${read}` : `${own}${read}`;
  return emitted(`(${fallback.setup}${present} ? ${t} : ${fallback.code})`, kind, true);
}
