/**
 * The published peak ingest of a leading commercial customer-journey platform, in events per
 * second: 5,000. The figure is the one the Omnitouch server issue (#4, "Speed") and the decision-core
 * issue quote for comparison; it is the vendor's own published peak for its real-time event
 * ingestion, not something we measured. A constant peer: benches print ours ÷ this.
 */
export const commercialJourneyPeakEventsPerSecond = 5_000;

/** How the peer is named beside a figure. */
export const commercialJourneyPeerName =
  'commercial journey platform (published peak 5,000 events/s)';
