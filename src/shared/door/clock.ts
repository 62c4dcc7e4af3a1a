// Device clocks are wrong; times are shown corrected. One convention, named by its sign:
// `serverMinusDeviceMs` = server clock − device clock, so a device time plus it is server time.

/**
 * The offset estimated from one request's round trip: the server's clock at the middle of its
 * handling minus the device's at the middle of the round trip (NTP's estimate; exact when the
 * network delay is the same both ways). Used alike for the manifest and for each push.
 */
export function roundTripOffset(t: {
  /** Device clock when the request left. */
  sentAt: number;
  /** Device clock when the answer arrived. */
  answeredAt: number;
  /** Server clock when it received the request, when the answer says; else `serverTime`. */
  serverReceivedAt?: number;
  /** Server clock when it answered. */
  serverTime: number;
}): number {
  const serverMiddle = ((t.serverReceivedAt ?? t.serverTime) + t.serverTime) / 2;
  return Math.round(serverMiddle - (t.sentAt + t.answeredAt) / 2);
}

/** A device time on the server's clock; unchanged while no offset is known. */
export function correctTime(deviceTime: number, serverMinusDeviceMs: number | null | undefined) {
  return deviceTime + (serverMinusDeviceMs ?? 0);
}

/** The time a fold orders an event by: corrected where known, else its device time. */
export function eventTime(event: { deviceTime: number; correctedTime?: number }): number {
  return event.correctedTime ?? event.deviceTime;
}
