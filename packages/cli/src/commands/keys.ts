import { Command } from 'commander';
import { apiKeyRoles, type ApiKeyList, type CreatedApiKey } from '@omnitouch/contracts';
import { apiOptionHelp, callApi, resolveTarget } from '../api-client';
import type { CliIo } from '../cli-io';

interface TargetOptions {
  url?: string;
  key?: string;
}

/** `omnitouch keys create|list|revoke`: API key administration over `/api/v1/keys` (admin key). */
export function createKeysCommand(io: CliIo): Command {
  const keys = new Command('keys').description(
    'create, list and revoke API keys (needs an admin key)',
  );
  const withTarget = (command: Command) =>
    command.option('--url <url>', apiOptionHelp.url).option('--key <key>', apiOptionHelp.key);

  withTarget(keys.command('create'))
    .description('create a key; its secret is printed once')
    .requiredOption('--role <role>', `one of ${apiKeyRoles.join(', ')}`)
    .requiredOption('--label <label>', 'who or what uses the key')
    .action(async (options: TargetOptions & { role: string; label: string }) => {
      const created = await callApi<CreatedApiKey>(resolveTarget(options, io.env), '/api/v1/keys', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: options.role, label: options.label }),
      });
      io.out(`created ${created.role} key ${created.id} (${created.label})`);
      io.out(`secret (shown once): ${created.secret}`);
    });

  withTarget(keys.command('list'))
    .description('list keys (never their secrets)')
    .action(async (options: TargetOptions) => {
      const { items } = await callApi<ApiKeyList>(resolveTarget(options, io.env), '/api/v1/keys');
      for (const key of items) {
        const state =
          key.revokedAt === undefined
            ? 'active'
            : `revoked ${new Date(key.revokedAt).toISOString()}`;
        io.out(`${key.id}\t${key.role}\t${state}\t${key.label}`);
      }
    });

  withTarget(keys.command('revoke'))
    .description('revoke a key by id; it is refused from then on')
    .argument('<id>', 'the key id (see `keys list`)')
    .action(async (id: string, options: TargetOptions) => {
      await callApi(resolveTarget(options, io.env), `/api/v1/keys/${encodeURIComponent(id)}`, {
        method: 'DELETE',
      });
      io.out(`revoked ${id}`);
    });
  return keys;
}
