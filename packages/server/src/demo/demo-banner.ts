import type { OpenOfferSpotlight } from './live-event-feed';

/** What the banner shows: where the server is, the key to use, and a decision to try. */
export interface DemoBanner {
  readonly url: string;
  readonly apiKey: string;
  /** The decide request the banner's curl sends (a customer with an offer held open). */
  readonly decideRequest: {
    readonly customerId: string;
    readonly touchpointId: string;
    readonly staffId?: string;
  };
  readonly decideCurl: string;
  readonly streamCurl: string;
  readonly lines: readonly string[];
}

/** The figures of the loaded operator the banner states. */
export interface DemoFigures {
  readonly customers: number;
  readonly eventTypes: number;
  readonly touchpoints: number;
  readonly cases: number;
  readonly eventsPerSecond: number;
}

/** The staff member the demo's curls speak for: the decide request and the stream agree on it. */
export const demoStaffId = 'clerk-001';
/** The front-line screen of the demo's stream curl. */
export const demoStreamTouchpointId = 'store-clerk-screen';

/**
 * The banner printed once the demo runs: ready-to-paste curls for a real decision (a customer whose
 * event just opened an offer) and for the store clerk's live stream. Pure: the caller prints it.
 */
export function formatDemoBanner(
  url: string,
  apiKey: string,
  spotlight: OpenOfferSpotlight,
  figures: DemoFigures,
): DemoBanner {
  // A staff id only where a clerk is asking: then the offer also reaches that clerk's stream.
  const isClerk = spotlight.touchpointId === demoStreamTouchpointId;
  const decideRequest = {
    customerId: spotlight.customerId,
    touchpointId: spotlight.touchpointId,
    ...(isClerk && { staffId: demoStaffId }),
  };
  const auth = `-H 'authorization: Bearer ${apiKey}'`;
  const decideCurl =
    `curl -s -X POST ${url}/api/v1/decide ${auth} -H 'content-type: application/json' ` +
    `-d '${JSON.stringify(decideRequest)}'`;
  const streamCurl = `curl -sN ${auth} '${url}/api/v1/touchpoints/${demoStreamTouchpointId}/stream?staffId=${demoStaffId}'`;
  const number = (n: number) => n.toLocaleString('en-US');
  const lines = [
    '',
    '════ Omnitouch demo · 星河通信 Galaxy Telecom (synthetic operator) ════',
    `  Server       ${url}   (API docs ${url}/docs, metrics ${url}/metrics)`,
    `  Loaded       ${number(figures.customers)} customers · ${figures.eventTypes} event types · ` +
      `${figures.touchpoints} touchpoints · ${number(figures.cases)} live marketing cases`,
    `  Live events  ~${figures.eventsPerSecond}/s flowing through the decision engine now`,
    `  API key      ${apiKey}   (admin; export OMNITOUCH_API_KEY=${apiKey})`,
    '',
    `  1. Watch the store clerk's screen: offers are pushed the moment they are decided`,
    `     ${streamCurl}`,
    '',
    `  2. Customer ${spotlight.customerId} just triggered case "${spotlight.caseId}". ` +
      `Ask what ${spotlight.touchpointId} should offer them now:`,
    `     ${decideCurl}`,
    '',
    '  Ctrl-C stops the server (nothing acknowledged is lost; the data stays in DATA_DIR).',
    '',
  ];
  return { url, apiKey, decideRequest, decideCurl, streamCurl, lines };
}
