import { GOOGLE_RETURN_PARAMS, readGoogleReturn } from "./google-return.ts";
import { OAuthReturnNotice } from "./oauth-return-notice.tsx";

/** How "Connect Google Calendar" went, after Google sends the browser back (`/settings?google=...`). */
export function GoogleReturnNotice() {
  return <OAuthReturnNotice read={readGoogleReturn} params={GOOGLE_RETURN_PARAMS} />;
}
