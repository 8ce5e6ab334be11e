import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the receiver does with one request: answer `status`, after `delayMs`. */
export interface ReceiverStep {
  readonly status: number;
  readonly delayMs?: number;
}

export interface ReceivedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1 (port 0) that fails on purpose, step by step, for the webhook
 * tests. Test support only; it answers 500 once its script runs out so a surplus call shows up.
 */
export async function startWebhookReceiver(script: ReceiverStep[]) {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const step = script.shift() ?? { status: 500 };
      setTimeout(() => {
        if (!response.destroyed) {
          response.writeHead(step.status, { 'content-type': 'text/plain' }).end('ok');
        }
      }, step.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/omnitouch`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
