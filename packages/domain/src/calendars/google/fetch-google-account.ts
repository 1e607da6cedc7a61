import { z } from "zod";
import { GOOGLE_REQUEST_TIMEOUT_MS } from "./google-clients.ts";
import type { GoogleConfig } from "./google-config.ts";
import { googleEndpoints } from "./google-endpoints.ts";

/** OpenID Connect's userinfo answer, the part we use. */
const ZUserinfo = z.object({
  sub: z.string().min(1),
  email: z.string().min(1),
  name: z.string().optional(),
});

export type GoogleAccount = { sub: string; email: string; name: string };

/**
 * Who granted the access token: asked of Google's userinfo endpoint with the token itself
 * (over TLS from Google, so nothing needs verifying the way an id_token's signature would).
 */
export async function fetchGoogleAccount(config: GoogleConfig, accessToken: string): Promise<GoogleAccount> {
  const response = await fetch(googleEndpoints(config.baseUrl).userinfo, {
    headers: { authorization: `Bearer ${accessToken}` },
    signal: AbortSignal.timeout(GOOGLE_REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`userinfo answered ${response.status}`);
  const info = ZUserinfo.parse(await response.json());
  return { sub: info.sub, email: info.email, name: info.name ?? info.email };
}
