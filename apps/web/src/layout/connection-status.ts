import { useSyncExternalStore } from "react";

/**
 * Whether the last call reached the server. Fed by the query and mutation caches (see
 * query-client.ts) and read by the retry banner, so no screen has to handle "offline" itself.
 */
export function createConnectionStatus() {
  let offline = false;
  const listeners = new Set<() => void>();
  const set = (next: boolean) => {
    if (next === offline) return;
    offline = next;
    for (const listener of listeners) listener();
  };
  return {
    markOffline: () => set(true),
    markOnline: () => set(false),
    isOffline: () => offline,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ConnectionStatus = ReturnType<typeof createConnectionStatus>;

export function useIsOffline(status: ConnectionStatus): boolean {
  return useSyncExternalStore(status.subscribe, status.isOffline, status.isOffline);
}
