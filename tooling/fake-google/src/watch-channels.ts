import { opaqueToken } from "./ids.ts";

/** A push channel opened with events.watch. */
export type WatchChannel = {
  id: string;
  resourceId: string;
  resourceUri: string;
  calendarId: string;
  address: string;
  token: string | undefined;
  /** Milliseconds since the epoch. */
  expiration: number;
  messageNumber: number;
  stopped: boolean;
};

/** One notification the fake POSTed to a channel's address, and what the address answered. */
export type DeliveredNotification = {
  channelId: string;
  resourceState: "sync" | "exists" | "not_exists";
  messageNumber: number;
  status: number | "error";
};

/** events.watch default lifetime: one week (push notifications guide: "expiration"). */
const DEFAULT_TTL_SECONDS = 604_800;

/**
 * Push channels: a "sync" message when one opens, "exists" when an event of its calendar
 * changes, each with Google's X-Goog-* headers. Delivery runs in the background; `settle()`
 * waits for what is on its way.
 */
export class WatchChannels {
  readonly #channels: WatchChannel[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  readonly delivered: DeliveredNotification[] = [];

  constructor(private readonly origin: () => string) {}

  open(input: {
    calendarId: string;
    id: string;
    address: string;
    token?: string;
    expiration?: number;
    ttlSeconds?: number;
  }): WatchChannel {
    const now = Date.now();
    const channel: WatchChannel = {
      id: input.id,
      resourceId: opaqueToken("res-"),
      resourceUri: `${this.origin()}/calendar/v3/calendars/${encodeURIComponent(input.calendarId)}/events?alt=json`,
      calendarId: input.calendarId,
      address: input.address,
      token: input.token,
      expiration: input.expiration ?? now + (input.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000,
      messageNumber: 0,
      stopped: false,
    };
    this.#channels.push(channel);
    this.#notify(channel, "sync");
    return channel;
  }

  stop(id: string, resourceId: string): boolean {
    const channel = this.#channels.find((candidate) => candidate.id === id && candidate.resourceId === resourceId);
    if (!channel || channel.stopped) return false;
    channel.stopped = true;
    return true;
  }

  list(calendarId?: string): WatchChannel[] {
    return this.#channels.filter((channel) => !calendarId || channel.calendarId === calendarId);
  }

  calendarChanged(calendarId: string): void {
    for (const channel of this.#channels) {
      if (channel.calendarId === calendarId && !channel.stopped && channel.expiration > Date.now()) {
        this.#notify(channel, "exists");
      }
    }
  }

  async settle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  #notify(channel: WatchChannel, resourceState: "sync" | "exists"): void {
    channel.messageNumber += 1;
    const messageNumber = channel.messageNumber;
    const headers: Record<string, string> = {
      "x-goog-channel-id": channel.id,
      "x-goog-channel-expiration": new Date(channel.expiration).toUTCString(),
      "x-goog-resource-id": channel.resourceId,
      "x-goog-resource-uri": channel.resourceUri,
      "x-goog-resource-state": resourceState,
      "x-goog-message-number": String(messageNumber),
    };
    if (channel.token !== undefined) headers["x-goog-channel-token"] = channel.token;
    const delivery = fetch(channel.address, { method: "POST", headers, signal: AbortSignal.timeout(10_000) })
      .then(async (response) => {
        await response.body?.cancel();
        this.delivered.push({ channelId: channel.id, resourceState, messageNumber, status: response.status });
      })
      .catch(() => {
        this.delivered.push({ channelId: channel.id, resourceState, messageNumber, status: "error" });
      })
      .finally(() => this.#inFlight.delete(delivery));
    this.#inFlight.add(delivery);
  }
}
