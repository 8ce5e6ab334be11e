import type { LocalizedText } from '../i18n/localized-text';

/**
 * `{{ name }}` or `{{event.amount}}`: a dotted path of letters, digits, `_` and `-` (group 1). Global:
 * use it with `replace` or `matchAll`, which do not depend on its `lastIndex`.
 */
export const templatePlaceholder = /\{\{\s*([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\s*\}\}/g;

/**
 * Reads a variable: the flat key first (`variables['event.amount']`), then the dotted path. Only
 * own properties, so a template cannot reach `__proto__` or `constructor`.
 */
function lookUp(variables: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(variables, name)) {
    return variables[name];
  }
  let current: unknown = variables;
  for (const key of name.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Scalars as text; objects, arrays, functions, null and undefined have no sensible text: a gap. */
export function templateValueText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  return typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
}

function renderText(text: string, variables: Record<string, unknown>): string {
  return text.includes('{{')
    ? text.replace(templatePlaceholder, (_match, name: string) =>
        templateValueText(lookUp(variables, name)),
      )
    : text;
}

/**
 * Fills `{{name}}` placeholders in both languages from `variables` (nested objects are reached
 * with dotted names such as `{{event.amount}}`). An unknown or non-scalar variable renders as empty.
 */
export function renderTemplate(
  template: LocalizedText,
  variables: Record<string, unknown>,
): LocalizedText {
  return {
    'zh-CN': renderText(template['zh-CN'], variables),
    en: renderText(template.en, variables),
  };
}
