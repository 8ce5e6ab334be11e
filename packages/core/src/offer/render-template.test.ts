import { describe, expect, it } from 'vitest';
import { renderTemplate } from './render-template';

const variables = {
  name: '张三',
  arpu: 128.5,
  roaming: true,
  event: { amount: 50, percent: 80, place: { city: 'Hangzhou' } },
  'flat.key': 'flat',
  nothing: null,
  list: [1, 2],
};

describe(renderTemplate.name, () => {
  it.each([
    ['a plain name', 'Hi {{name}}', 'Hi 张三'],
    ['spaces inside the braces', 'Hi {{ name }}!', 'Hi 张三!'],
    ['a number', 'ARPU {{arpu}}', 'ARPU 128.5'],
    ['a boolean', 'roaming={{roaming}}', 'roaming=true'],
    ['a dotted event property', 'You topped up {{event.amount}} CNY', 'You topped up 50 CNY'],
    ['a deeper path', 'in {{event.place.city}}', 'in Hangzhou'],
    ['a flat key containing a dot', '{{flat.key}}', 'flat'],
    ['the same placeholder twice', '{{event.percent}}%/{{event.percent}}%', '80%/80%'],
    ['an unknown name as empty', 'Hi {{nickname}}.', 'Hi .'],
    ['an unknown path as empty', '{{event.missing.deeper}}|{{name.length}}', '|'],
    ['null, objects and arrays as empty', '[{{nothing}}][{{event}}][{{list}}]', '[][][]'],
    ['prototype names as empty', '[{{constructor}}][{{__proto__}}][{{event.toString}}]', '[][][]'],
    ['text without placeholders unchanged', 'No variables here', 'No variables here'],
    ['malformed braces unchanged', '{{ name } {name}} {{}}', '{{ name } {name}} {{}}'],
  ])('renders %s', (_name, text, expected) => {
    expect(renderTemplate({ 'zh-CN': text, en: text }, variables)).toEqual({
      'zh-CN': expected,
      en: expected,
    });
  });

  it('renders both languages from the same variables', () => {
    const template = {
      'zh-CN': '{{name}}，本月已用{{event.percent}}%流量',
      en: '{{name}}, {{event.percent}}% of your data used',
    };
    expect(renderTemplate(template, variables)).toEqual({
      'zh-CN': '张三，本月已用80%流量',
      en: '张三, 80% of your data used',
    });
  });
});
