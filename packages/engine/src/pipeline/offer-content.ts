import {
  templatePlaceholder,
  templateValueText,
  type CustomerEvent,
  type CustomerProfile,
  type LocalizedText,
} from '@omnitouch/core';

/** A template text split at its placeholders: `literals[i]`, then `names[i]`'s value, …, then the last literal. */
interface SplitText {
  readonly literals: readonly string[];
  readonly names: readonly string[];
}

interface SplitTemplate {
  readonly zhCN: SplitText;
  readonly en: SplitText;
}

const splitByTemplate = new WeakMap<LocalizedText, SplitTemplate>();

function splitText(text: string): SplitText {
  const literals: string[] = [];
  const names: string[] = [];
  let from = 0;
  for (const match of text.matchAll(templatePlaceholder)) {
    literals.push(text.slice(from, match.index));
    names.push(match[1] ?? '');
    from = match.index + match[0].length;
  }
  literals.push(text.slice(from));
  return { literals, names };
}

function splitOf(template: LocalizedText): SplitTemplate {
  let split = splitByTemplate.get(template);
  if (split === undefined) {
    split = { zhCN: splitText(template['zh-CN']), en: splitText(template.en) };
    splitByTemplate.set(template, split);
  }
  return split;
}

/**
 * A placeholder's value as `renderTemplate` finds it in `{ ...profile.attributes, ...event.properties }`:
 * the flat name, the event's property first. A dotted name that is not a flat key would walk into
 * a scalar (properties and attributes hold no objects), and `__proto__` is never an own key of that
 * record (assigning a scalar to it is a no-op): both are missing.
 */
function valueOf(name: string, profile: CustomerProfile, event: CustomerEvent): unknown {
  if (name === '__proto__') {
    return undefined;
  }
  if (Object.hasOwn(event.properties, name)) {
    return event.properties[name];
  }
  return Object.hasOwn(profile.attributes, name) ? profile.attributes[name] : undefined;
}

/**
 * Joined, not concatenated with `+`: V8 keeps a `+`-built string as a tree of pieces, and the
 * content lives as long as its offer, so a flat string is fewer objects to keep and to copy in GC.
 */
function renderSplit(split: SplitText, profile: CustomerProfile, event: CustomerEvent): string {
  const { literals, names } = split;
  if (names.length === 0) {
    return literals[0] as string;
  }
  const parts: string[] = [literals[0] as string];
  for (let i = 0; i < names.length; i++) {
    parts.push(
      templateValueText(valueOf(names[i] as string, profile, event)),
      literals[i + 1] as string,
    );
  }
  return parts.join('');
}

/**
 * An offer's content: exactly `renderTemplate(template, { ...profile.attributes,
 * ...event.properties })`, without building that record (copying every attribute of the
 * customer was a large share of opening an offer) or running a regular-expression replace per
 * offer: each template is split at its placeholders once, and the parts are joined per offer.
 */
export function renderOfferContent(
  template: LocalizedText,
  profile: CustomerProfile,
  event: CustomerEvent,
): LocalizedText {
  const split = splitOf(template);
  return {
    'zh-CN': renderSplit(split.zhCN, profile, event),
    en: renderSplit(split.en, profile, event),
  };
}
