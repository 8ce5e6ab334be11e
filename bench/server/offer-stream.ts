import { request, type ClientRequest } from 'node:http';
import type { BenchServer } from './omnitouch-server';

/** An offer as it arrived on the stream, stamped with `performance.now()` on arrival. */
export interface StreamedOffer {
  readonly customerId: string;
  readonly offerId: string;
  readonly arrivedAt: number;
}

/** An open `GET /api/v1/touchpoints/:id/stream` subscription. */
export interface OfferStream {
  close(): void;
}

/**
 * Subscribes to a touchpoint's Server-Sent Events stream and calls `onOffer` for every `offer`
 * event, the moment its last line is read. Resolves once the stream answered 200 and flushed its
 * first bytes (`retry:`), so offers sent afterwards cannot be missed.
 */
export function openOfferStream(
  server: BenchServer,
  touchpointId: string,
  onOffer: (offer: StreamedOffer) => void,
): Promise<OfferStream> {
  return new Promise((resolve, reject) => {
    let req: ClientRequest | undefined = undefined;
    req = request(
      `${server.url}/api/v1/touchpoints/${encodeURIComponent(touchpointId)}/stream`,
      { headers: { authorization: `Bearer ${server.apiKey}`, accept: 'text/event-stream' } },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`the stream answered ${String(response.statusCode)}`));
          response.resume();
          return;
        }
        response.setEncoding('utf8');
        let buffered = '';
        let isOpen = false;
        response.on('data', (chunk: string) => {
          const arrivedAt = performance.now();
          buffered += chunk;
          let end = buffered.indexOf('\n\n');
          while (end >= 0) {
            readMessage(buffered.slice(0, end), arrivedAt, onOffer);
            buffered = buffered.slice(end + 2);
            end = buffered.indexOf('\n\n');
          }
          if (!isOpen) {
            isOpen = true;
            resolve({ close: () => req?.destroy() });
          }
        });
      },
    );
    req.on('error', (error) => reject(error));
    req.end();
  });
}

function readMessage(
  message: string,
  arrivedAt: number,
  onOffer: (offer: StreamedOffer) => void,
): void {
  const lines = message.split('\n');
  if (!lines.includes('event: offer')) {
    return;
  }
  const data = lines.find((line) => line.startsWith('data: '));
  if (data === undefined) {
    return;
  }
  const payload = JSON.parse(data.slice('data: '.length)) as {
    customerId: string;
    offerId: string;
  };
  onOffer({ customerId: payload.customerId, offerId: payload.offerId, arrivedAt });
}
