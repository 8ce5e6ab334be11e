import type { ErrorBody } from '@omnitouch/contracts';
import { CliError } from './cli-io';

/** Where the server is and which key to send: `--url`/`--key`, else OMNITOUCH_URL/OMNITOUCH_API_KEY. */
export interface ApiTarget {
  readonly url: string;
  readonly key: string | undefined;
}

/** `fetch` init plus a streamed body (Node's fetch needs `duplex: 'half'` for one). */
export type ApiRequestInit = RequestInit & { duplex?: 'half' };

/**
 * Calls the Omnitouch HTTP API with the key as a bearer token; answers the parsed JSON, or throws a
 * `CliError` carrying the server's error code and every failing field it named.
 */
export async function callApi<T>(
  target: ApiTarget,
  path: string,
  init: ApiRequestInit = {},
): Promise<T> {
  if (target.key === undefined || target.key === '') {
    throw new CliError('an API key is needed: pass --key <key> or set OMNITOUCH_API_KEY', 2);
  }
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${target.key}`);
  let response: Response;
  try {
    response = await fetch(new URL(path, target.url), { ...init, headers });
  } catch (error) {
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    throw new CliError(`cannot reach ${target.url}: ${reason}`);
  }
  const text = await response.text();
  if (!response.ok) {
    throw new CliError(describeFailure(response.status, text));
  }
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

function describeFailure(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as ErrorBody;
    const issues = (body.issues ?? []).map((issue) => `\n  ${issue.field}: ${issue.reason}`);
    return `HTTP ${status} ${body.error}: ${body.message?.en ?? ''}${issues.join('')}`;
  } catch {
    return `HTTP ${status}: ${text.slice(0, 200)}`;
  }
}

/** Adds `--url` and `--key` descriptions consistently to the commands that call the server. */
export const apiOptionHelp = {
  url: 'server URL (default: $OMNITOUCH_URL or http://127.0.0.1:8080)',
  key: 'API key (default: $OMNITOUCH_API_KEY)',
} as const;

/** Resolves the target from the options, falling back to the environment, then the local default. */
export function resolveTarget(
  options: { url?: string; key?: string },
  env: Readonly<Record<string, string | undefined>>,
): ApiTarget {
  return {
    url: options.url ?? env.OMNITOUCH_URL ?? 'http://127.0.0.1:8080',
    key: options.key ?? env.OMNITOUCH_API_KEY,
  };
}
