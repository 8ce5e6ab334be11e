import type { ServerResponse } from 'node:http';

/**
 * One Server-Sent Events response (WHATWG HTML §9.2). Writes are dropped once the client has gone;
 * `close` ends the response and runs the cleanup once, whoever calls it first.
 */
export interface EventStream {
  send(event: string, data: unknown, id?: string): void;
  comment(text: string): void;
  close(): void;
  readonly isClosed: boolean;
}

export function openEventStream(raw: ServerResponse, onClose: () => void): EventStream {
  let closed = false;
  const close = () => {
    if (closed) {
      return;
    }
    closed = true;
    onClose();
    if (!raw.writableEnded) {
      raw.end();
    }
  };
  raw.on('close', close);
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx buffers proxied responses by default, which would hold offers back.
    'x-accel-buffering': 'no',
  });
  // Tells the browser's EventSource to reconnect after 3 s, and flushes the headers now.
  raw.write('retry: 3000\n\n');
  const write = (chunk: string) => {
    if (!closed && !raw.writableEnded) {
      raw.write(chunk);
    }
  };
  return {
    send(event, data, id) {
      const idLine = id === undefined ? '' : `id: ${id}\n`;
      // JSON.stringify never emits a raw newline, so the data fits on one `data:` line.
      write(`event: ${event}\n${idLine}data: ${JSON.stringify(data)}\n\n`);
    },
    comment(text) {
      write(`: ${text}\n\n`);
    },
    close,
    get isClosed() {
      return closed;
    },
  };
}
