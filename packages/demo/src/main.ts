import { formatSummary } from './console-demo/demo-summary';
import { demoUsage, parseDemoOptions } from './console-demo/demo-options';
import { runConsoleDemo } from './console-demo/demo-run';

/**
 * `npm start`: the console demo. Builds the synthetic operator (星河通信 Galaxy Telecom), streams
 * a simulated day of live events through the real decision engine and narrates what happens in
 * Chinese and English, then prints a summary. Exits 0 by itself; Ctrl-C ends early with the summary.
 */
async function main(argv: readonly string[]): Promise<number> {
  const { options, issues } = parseDemoOptions(argv);
  if (issues.length > 0) {
    const help = issues.every((issue) => issue === 'help');
    for (const issue of issues.filter((i) => i !== 'help')) {
      console.error(issue);
    }
    (help ? console.log : console.error)(demoUsage);
    return help ? 0 : 2;
  }
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  process.once('SIGINT', stop);
  console.log(
    '星河通信 Galaxy Telecom — Omnitouch 全触点实时营销演示 full-touchpoint real-time marketing demo',
  );
  console.log(
    '正在生成合成运营商 Building the synthetic operator: 80 标签分类 tag categories · 1,200 标签 tags · ' +
      '112 事件类型 event types · 20 触点 touchpoints · 1,000 在线营销案 live marketing cases',
  );
  const { tally, operator, wallSeconds } = await runConsoleDemo(options, {
    print: (line) => console.log(line),
    isStopped: () => stopped,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    wallNow: () => performance.now(),
  });
  process.removeListener('SIGINT', stop);
  for (const line of formatSummary(tally, operator.catalog, wallSeconds)) {
    console.log(line);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
