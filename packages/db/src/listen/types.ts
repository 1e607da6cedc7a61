/** What a listener is told besides payloads. */
export type ListenOptions = {
  /**
   * The dedicated connection came back after it was lost: notifications sent meanwhile
   * were not delivered, so a listener that must not miss any reads what it missed.
   */
  onReconnect?: () => void;
};

/**
 * PostgreSQL LISTEN: calls `onPayload` with each NOTIFY payload on `channel` (delivered
 * when the sending transaction commits, never for one that rolls back). Resolves once
 * listening, with the function that stops it.
 */
export type Listen = (
  channel: string,
  onPayload: (payload: string) => void,
  options?: ListenOptions,
) => Promise<() => Promise<void>>;

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/** LISTEN takes an identifier, not a parameter: only plain lower-case names are accepted. */
export function assertChannelName(channel: string): void {
  if (!CHANNEL.test(channel)) {
    throw new Error(`"${channel}" is not a channel name: use lower-case letters, digits and "_"`);
  }
}
