import type { CustomerEvent, CustomerProfile, LocalizedText } from '@omnitouch/core';

/** The same placeholder syntax as the core's `renderTemplate`. */
const placeholder = /\{\{\s*([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\s*\}\}/g;

/**
 * The top-level variable names a template can read: each placeholder's flat name and, for a dotted
 * one, its first segment (`renderTemplate` tries `variables['a.b']`, then `variables.a.b`).
 */
const namesByTemplate = new WeakMap<LocalizedText, readonly string[]>();

function namesOf(template: LocalizedText): readonly string[] {
  let names = namesByTemplate.get(template);
  if (names === undefined) {
    const found = new Set<string>();
    for (const text of [template['zh-CN'], template.en]) {
      for (const match of text.matchAll(placeholder)) {
        const name = match[1] ?? '';
        found.add(name);
        found.add(name.split('.')[0] ?? name);
      }
    }
    names = Object.freeze([...found]);
    namesByTemplate.set(template, names);
  }
  return names;
}

/** Shared by every template without placeholders: `renderTemplate` never reads it. */
const noVariables: Record<string, unknown> = Object.freeze({});

/**
 * The variables `renderTemplate(template, …)` needs to render exactly as with the whole of
 * `{ ...profile.attributes, ...event.properties }`: only the names the template reads, assigned in
 * the same precedence (the event's properties override the customer's attributes). Copying every
 * attribute of the customer for each offer was a large share of opening it.
 */
export function templateVariables(
  template: LocalizedText,
  profile: CustomerProfile,
  event: CustomerEvent,
): Record<string, unknown> {
  const names = namesOf(template);
  if (names.length === 0) {
    return noVariables;
  }
  const variables: Record<string, unknown> = {};
  const attributes = profile.attributes;
  const properties = event.properties;
  for (const name of names) {
    if (Object.hasOwn(properties, name)) {
      variables[name] = properties[name];
    } else if (Object.hasOwn(attributes, name)) {
      variables[name] = attributes[name];
    }
  }
  return variables;
}
