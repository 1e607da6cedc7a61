import { useCallback, useSyncExternalStore } from "react";

/**
 * Whether a CSS media query matches, following changes (a rotated phone, a resized window).
 * Where the browser cannot say (no matchMedia, e.g. jsdom), `fallback` is the answer.
 */
export function useMediaQuery(query: string, fallback: boolean): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== "function") return () => {};
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    [query],
  );
  const read = () => (typeof window.matchMedia === "function" ? window.matchMedia(query).matches : fallback);
  return useSyncExternalStore(subscribe, read, () => fallback);
}
