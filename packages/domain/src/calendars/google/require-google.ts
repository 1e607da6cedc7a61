import { googleNotConfigured } from "../calendars-errors.ts";
import type { GoogleConfig } from "./google-config.ts";

/** The server's Google client, or `calendars.google_not_configured` when it has none. */
export function requireGoogle(google: GoogleConfig | null | undefined): GoogleConfig {
  if (!google) throw googleNotConfigured();
  return google;
}
