import { useState } from "react";

/** What better-auth's social calls answer with `disableRedirect: true`: Google's consent address. */
type RedirectAnswer = { data?: { url?: string | undefined } | null };

/**
 * Starts a trip to Google's consent page (sign-in or linking): asks the server for the
 * address, then sends the browser there. `starting` covers the wait (the page is left on
 * success); `failed` says the server gave no address, for the caller's own words.
 */
export function useGoogleRedirect(request: () => Promise<RedirectAnswer>) {
  const [starting, setStarting] = useState(false);
  const [failed, setFailed] = useState(false);

  async function start() {
    setStarting(true);
    setFailed(false);
    const url = (await request()).data?.url;
    if (!url) {
      setStarting(false);
      setFailed(true);
      return;
    }
    window.location.assign(url);
  }

  return { starting, failed, start };
}
