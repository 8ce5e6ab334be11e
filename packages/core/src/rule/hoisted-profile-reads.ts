import type { FunctionScope } from './codegen';

/**
 * The profile reads of one generated rule-set function, each kept in a local declared once at the
 * top, so many rules testing the same tag word or attribute read it once per evaluation. Tag words
 * are read eagerly (`const w3 = tags[3] | 0;`: nearly every rule tests tags, and the words share a
 * few cache lines). Attributes, real-time tags and event counters are read on first use
 * (`let a0 = unread;`, then `(a0 === unread ? (a0 = attrs["city"]) : a0)`): most customers fail
 * most audiences on their first tag test, and each of those reads is a likely cache miss on a
 * profile the rule set would otherwise not touch. Every read is pure and cannot throw on a valid
 * profile, so reading it once, whenever first needed, returns exactly what an inline read would.
 */
export class HoistedProfileReads {
  private readonly words = new Set<number>();
  private readonly attributes = new Map<string, string>();
  private readonly eventProperties = new Map<string, string>();
  private readonly realtimeTags = new Set<number>();
  private readonly eventCounts = new Map<string, string>();
  private readonly lines: string[] = [];

  constructor(private readonly fn: FunctionScope) {}

  /**
   * Word `word` of the static-tag bitset as an int32 (so masks with bit 31 compare as generated).
   * A profile stored under an older, smaller catalog has fewer words: `undefined | 0` reads as 0.
   */
  tagWord(word: number): string {
    const name = `w${word}`;
    if (!this.words.has(word)) {
      this.words.add(word);
      this.lines.push(`const ${name} = ${this.fn.use('tags')}[${word}] | 0;`);
    }
    return name;
  }

  /** The attribute `id` as stored, or undefined (never an Object.prototype member). */
  attribute(id: string): string {
    return this.onFirstUse(this.attributes, 'a', id, () => ownRead(this.fn.use('attrs'), id));
  }

  /**
   * The local holding attribute `id`, for use only where `attribute(id)` has already run in the
   * same expression (e.g. `(<attribute> !== undefined ? <local> : null)`), so it is read by then.
   */
  attributeLocal(id: string): string {
    return this.attributes.get(id) ?? this.attribute(id);
  }

  /** The triggering event's property `key`, or undefined (also when there is no event). */
  eventProperty(key: string): string {
    return this.once(this.eventProperties, 'e', key, () => {
      const evp = this.fn.use('evp');
      return `${evp} === undefined ? undefined : ${ownRead(evp, key)}`;
    });
  }

  /** Whether the real-time tag `bit` is set and unexpired at `now` (`hasRealtimeTag`). */
  realtimeTag(bit: number): string {
    const name = `r${bit}`;
    if (!this.realtimeTags.has(bit)) {
      this.realtimeTags.add(bit);
      this.lines.push(`let ${name} = unread;`);
    }
    return onFirstUse(name, `hasRealtimeTag(${this.fn.use('p')}, ${bit}, ${this.fn.use('now')})`);
  }

  /** Events of `type` on the last `days` days including today (`countEvents`). */
  eventCount(type: string, days: number): string {
    return this.onFirstUse(this.eventCounts, 'n', `${days}:${type}`, () => {
      const args = `${this.fn.use('p')}, ${JSON.stringify(type)}, ${days}, ${this.fn.use('now')}`;
      return `countEvents(${args})`;
    });
  }

  /** The declarations, in first-use order; they only refer to the function scope's locals. */
  declarations(): string {
    return this.lines.join('\n');
  }

  /** Like `once`, but the local starts `unread` and is read where first used. */
  private onFirstUse(
    names: Map<string, string>,
    prefix: string,
    key: string,
    read: () => string,
  ): string {
    const name = this.local(names, prefix, key, (local) => `let ${local} = unread;`);
    return onFirstUse(name, read());
  }

  private once(
    names: Map<string, string>,
    prefix: string,
    key: string,
    read: () => string,
  ): string {
    return this.local(names, prefix, key, (local) => `const ${local} = ${read()};`);
  }

  /** The local named for `key`, declared with `declaration` the first time it is asked for. */
  private local(
    names: Map<string, string>,
    prefix: string,
    key: string,
    declaration: (local: string) => string,
  ): string {
    const known = names.get(key);
    if (known !== undefined) {
      return known;
    }
    const name = `${prefix}${names.size}`;
    names.set(key, name);
    this.lines.push(declaration(name));
    return name;
  }
}

/** `local`, assigned `read` the first time the expression runs (`unread` is the runtime's sentinel). */
function onFirstUse(local: string, read: string): string {
  return `(${local} === unread ? (${local} = ${read}) : ${local})`;
}

/** `base[key]`, but undefined for names like "constructor" that `base` does not own. */
function ownRead(base: string, key: string): string {
  const literal = JSON.stringify(key);
  return key in Object.prototype
    ? `(Object.hasOwn(${base}, ${literal}) ? ${base}[${literal}] : undefined)`
    : `${base}[${literal}]`;
}
