import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const kdamonds = '/sys/kernel/mm/damon/admin/kdamonds';

/**
 * Names every running DAMON daemon whose scheme pages memory out, with its sampling interval.
 * On the bench VMs such a daemon (physical-address monitoring, action `pageout`) samples every
 * 500 ms, and each sample stalls whatever touches the pages it checks: paced-load latency dumps
 * show clusters of 20–50 requests delayed 5–50 ms every ~500 ms, even for a bare Fastify route,
 * and the decide p99 went from 20–31 ms to 3.2–6.6 ms with the daemon off. The tail figures then
 * describe the machine more than the server, so the bench says when this is the case.
 * Linux only; missing files or no permission read as "none found".
 */
export function describeProactiveReclaim(): string[] {
  const found: string[] = [];
  for (const daemon of listDirectory(kdamonds)) {
    const root = join(kdamonds, daemon);
    if (readText(join(root, 'state')) !== 'on') {
      continue;
    }
    for (const context of listDirectory(join(root, 'contexts'))) {
      const contextRoot = join(root, 'contexts', context);
      const actions = listDirectory(join(contextRoot, 'schemes')).map((scheme) =>
        readText(join(contextRoot, 'schemes', scheme, 'action')),
      );
      if (!actions.includes('pageout')) {
        continue;
      }
      const sampleUs = Number(readText(join(contextRoot, 'monitoring_attrs/intervals/sample_us')));
      const operations = readText(join(contextRoot, 'operations')) ?? '?';
      found.push(
        `DAMON kdamond ${daemon} (${operations}) pages memory out, sampling every ` +
          `${Number.isFinite(sampleUs) ? `${sampleUs / 1000} ms` : '?'}`,
      );
    }
  }
  return found;
}

function listDirectory(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}
