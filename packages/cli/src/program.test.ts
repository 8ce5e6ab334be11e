import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { runCli } from './program';

function captureIo(): CliIo & { readonly lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    env: {},
    waitForShutdown: () => Promise.resolve(),
  };
}

describe(runCli.name, () => {
  it.each([
    [['serve'], ['--port', '--host', '--data-dir']],
    [['demo'], ['--port', '--data-dir', '--customers', '--rate']],
    [['import'], ['--kind', '--format', '--url', '--key']],
    [['replay'], ['--speed', '--batch', '--keep-time', '--url', '--key']],
    [['keys'], ['create', 'list', 'revoke']],
    [
      ['keys', 'create'],
      ['--role', '--label', '--url', '--key'],
    ],
    [
      ['keys', 'list'],
      ['--url', '--key'],
    ],
    [
      ['keys', 'revoke'],
      ['<id>', '--url', '--key'],
    ],
    [[], ['serve', 'demo', 'import', 'replay', 'keys']],
  ])('prints help for `%s` naming its options and exits 0', async (command, names) => {
    const io = captureIo();
    expect(await runCli([...command, '--help'], io)).toBe(0);
    const help = io.lines.join('\n');
    expect(help).toContain(`Usage: omnitouch ${command.join(' ')}`.trim());
    for (const name of names) {
      expect(help).toContain(name);
    }
  });

  it('exits 2 naming the problem for an unknown option or a bad value', async () => {
    const io = captureIo();
    expect(await runCli(['replay', 'x.ndjson', '--speed', 'fast'], io)).toBe(2);
    expect(io.lines.join('\n')).toContain('--speed');
    expect(await runCli(['import', 'x.csv', '--colour', 'red'], io)).toBe(2);
    expect(io.lines.join('\n')).toContain('--colour');
  });

  it('exits 2 asking for a key when none is given', async () => {
    const io = captureIo();
    expect(await runCli(['keys', 'list', '--url', 'http://127.0.0.1:1'], io)).toBe(2);
    expect(io.lines.join('\n')).toContain('OMNITOUCH_API_KEY');
  });

  it('runs as a real process through its shebang: `omnitouch import --help` exits 0', async () => {
    const bin = fileURLToPath(new URL('../bin/omnitouch.js', import.meta.url));
    const { stdout } = await promisify(execFile)(bin, ['import', '--help']);
    expect(stdout).toContain('Usage: omnitouch import');
  });
});
